using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Access;

/// <summary>Credentials stop working the moment an admin says so: no cached identity outlives a disable or a revoke.</summary>
[Collection(ApiTests.Name)]
public sealed class CredentialLifetimeTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task DisabledUser_TokenRefusedOnTheNextCall()
    {
        var email = $"support.{Guid.NewGuid():N}@example.org";
        var users = new UserService.UserServiceClient(Server.Channel);
        var user = await users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = email, DisplayName = "Support", Role = StaffRole.Support },
            Password = "Support-password-2026",
        });
        using var channel = Server.ChannelFor(await Server.LoginAsync(email, "Support-password-2026"));
        var bilans = new BilanService.BilanServiceClient(channel);
        await bilans.ListBilansAsync(new ListBilansRequest());

        await users.DisableUserAsync(new DisableUserRequest { Name = user.Name });

        var status = await RpcFailure.Of(StatusCode.Unauthenticated, () => bilans.ListBilansAsync(new ListBilansRequest()));
        Assert.Equal("CREDENTIALS_INVALID", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task RevokedApiKey_RefusedOnTheNextCall()
    {
        var organizations = new OrganizationService.OrganizationServiceClient(Server.Channel);
        var organization = await organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Employeur révoqué" } });
        var key = await organizations.CreateApiKeyAsync(new CreateApiKeyRequest { Parent = organization.Name, ApiKey = new ApiKey { DisplayName = "SIRH" } });
        using var channel = Server.ChannelFor(key.Secret);
        var bilans = new BilanService.BilanServiceClient(channel);
        await bilans.ListBilansAsync(new ListBilansRequest());

        await organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.ApiKey.Name });

        await RpcFailure.Of(StatusCode.Unauthenticated, () => bilans.ListBilansAsync(new ListBilansRequest()));
    }

    [Fact]
    public async Task NoCredentials_UnauthenticatedSayingWhatToSend()
    {
        var status = await RpcFailure.Of(StatusCode.Unauthenticated, () =>
            new BilanService.BilanServiceClient(Server.AnonymousChannel).ListBilansAsync(new ListBilansRequest()));

        Assert.Equal("CREDENTIALS_MISSING", status.ErrorInfo().Reason);
        Assert.Contains("authorization: Bearer", status.Message, StringComparison.Ordinal);
        Assert.Equal("Vous devez vous connecter pour faire cette opération.", status.FrenchMessage());
    }

    [Fact]
    public async Task ApiClient_CreatesBeneficiaryAndBilanOfItsOwnOrganisationAndSeesOnlyThose()
    {
        var organizations = new OrganizationService.OrganizationServiceClient(Server.Channel);
        var organization = await organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Employeur SIRH" } });
        var key = await organizations.CreateApiKeyAsync(new CreateApiKeyRequest { Parent = organization.Name, ApiKey = new ApiKey { DisplayName = "SIRH" } });
        using var channel = Server.ChannelFor(key.Secret);
        await Server.NewBilanAsync(); // another bilan, of no organisation

        var request = Requests.Employee();
        request.Organization = $"organizations/{Guid.NewGuid()}"; // ignored: an API client acts for its own organisation
        var beneficiary = await new BeneficiaryService.BeneficiaryServiceClient(channel).CreateBeneficiaryAsync(new CreateBeneficiaryRequest { Beneficiary = request });
        var bilan = await new BilanService.BilanServiceClient(channel).CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
        var visible = await new BilanService.BilanServiceClient(channel).ListBilansAsync(new ListBilansRequest { PageSize = 200 });

        Assert.Equal(organization.Name, beneficiary.Organization);
        Assert.Equal(organization.Name, bilan.Organization);
        Assert.Equal([bilan.Name], visible.Bilans.Select(b => b.Name));
        var events = await new BilanService.BilanServiceClient(channel).ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name });
        Assert.Equal(key.ApiKey.Name, events.Events[0].Actor);
    }

    [Fact]
    public async Task Admin_DisablingTheirOwnAccount_FailedPreconditionAndStillEnabled()
    {
        var users = new UserService.UserServiceClient(Server.Channel);
        var me = (await users.ListUsersAsync(new ListUsersRequest { Filter = $"email = \"{ApiServer.AdminEmail}\"" })).Users.Single();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => users.DisableUserAsync(new DisableUserRequest { Name = me.Name }));

        Assert.Equal("CANNOT_DISABLE_SELF", status.ErrorInfo().Reason);
        Assert.False((await users.GetUserAsync(new GetUserRequest { Name = me.Name })).Disabled);
    }
}
