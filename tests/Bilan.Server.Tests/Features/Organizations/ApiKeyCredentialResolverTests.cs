using Bilan.Contracts.V1;
using Bilan.Server.Features.Organizations;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bilan.Server.Tests.Features.Organizations;

[Collection(ApiTests.Name)]
public sealed class ApiKeyCredentialResolverTests(ApiFixture fixture) : IAsyncLifetime
{
    private NpgsqlDataSource? _dataSource;

    private ApiServer Server => fixture.Server;

    private OrganizationService.OrganizationServiceClient Organizations => new(Server.Channel);

    private ApiKeyCredentialResolver Resolver => new(
        _dataSource ?? throw new InvalidOperationException("Not initialised."), Server.Clock, NullLogger<ApiKeyCredentialResolver>.Instance);

    public Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(Server.Database.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("bk_anything", true)]
    [InlineData("st_session", false)]
    [InlineData("BK_upper", false)]
    [InlineData("", false)]
    public void Recognises_ApiKeysByTheirPrefixOnly(string credential, bool expected) => Assert.Equal(expected, Resolver.Recognises(credential));

    [Fact]
    public async Task ResolveAsync_ValidKey_ApiClientOfItsOrganizationAndUseRecorded()
    {
        var organization = await Server.NewOrganizationAsync();
        var created = await Server.NewApiKeyAsync(organization.Name);
        var before = Server.Clock.GetUtcNow();

        var caller = await Resolver.ResolveAsync(created.Secret, CancellationToken.None);

        Assert.NotNull(caller);
        Assert.True(caller.IsApiClient);
        Assert.Equal(Guid.Parse(organization.Name["organizations/".Length..]), caller.OrganizationId);
        Assert.Equal(created.ApiKey.Name, caller.Actor);
        Assert.Equal((global::Bilan.Server.Auth.StaffRole.Unspecified, null, null), (caller.Role, caller.UserId, caller.ConsultantId));
        var listed = await ListedAsync(organization.Name);
        Assert.NotNull(listed.LastUsedTime);
        Assert.True(listed.LastUsedTime.ToDateTimeOffset() >= before);
        Assert.Equal(created.ApiKey.Etag, listed.Etag);
    }

    [Fact]
    public async Task ResolveAsync_UsedAgainWithinAMinute_LastUsedTimeWrittenOnceAMinute()
    {
        var organization = await Server.NewOrganizationAsync();
        var created = await Server.NewApiKeyAsync(organization.Name);
        await Resolver.ResolveAsync(created.Secret, CancellationToken.None);
        var firstUse = (await ListedAsync(organization.Name)).LastUsedTime;

        Server.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.NotNull(await Resolver.ResolveAsync(created.Secret, CancellationToken.None));
        var withinTheMinute = (await ListedAsync(organization.Name)).LastUsedTime;
        Server.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await Resolver.ResolveAsync(created.Secret, CancellationToken.None));
        var afterTheMinute = (await ListedAsync(organization.Name)).LastUsedTime;

        Assert.Equal(firstUse, withinTheMinute);
        Assert.True(afterTheMinute.ToDateTimeOffset() >= firstUse.ToDateTimeOffset().AddMinutes(1));
    }

    [Fact]
    public async Task ResolveAsync_RevokedKey_NullAtOnceAndUseNoLongerRecorded()
    {
        var organization = await Server.NewOrganizationAsync();
        var created = await Server.NewApiKeyAsync(organization.Name);
        Assert.NotNull(await Resolver.ResolveAsync(created.Secret, CancellationToken.None));

        var revoked = await Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name });
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var caller = await Resolver.ResolveAsync(created.Secret, CancellationToken.None);

        Assert.Null(caller);
        Assert.Equal(revoked.LastUsedTime, (await ListedAsync(organization.Name)).LastUsedTime);
    }

    [Fact]
    public async Task ResolveAsync_KeyOfAnotherOrganization_CallerOfThatOtherOrganization()
    {
        var first = await Server.NewOrganizationAsync();
        var second = await Server.NewOrganizationAsync();
        await Server.NewApiKeyAsync(first.Name);
        var secondKey = await Server.NewApiKeyAsync(second.Name);

        var caller = await Resolver.ResolveAsync(secondKey.Secret, CancellationToken.None);

        Assert.Equal(Guid.Parse(second.Name["organizations/".Length..]), caller?.OrganizationId);
    }

    [Fact]
    public async Task ResolveAsync_SecretAlteredByOneCharacter_Null()
    {
        var organization = await Server.NewOrganizationAsync();
        var created = await Server.NewApiKeyAsync(organization.Name);
        var altered = created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A');

        Assert.Null(await Resolver.ResolveAsync(altered, CancellationToken.None));
        Assert.Null((await ListedAsync(organization.Name)).LastUsedTime);
    }

    [Theory]
    [InlineData("bk_")]
    [InlineData("bk_unknown")]
    [InlineData("bk_' OR 1=1 --")]
    [InlineData("not an api key at all")]
    [InlineData("")]
    public async Task ResolveAsync_UnknownOrGarbage_Null(string credential) =>
        Assert.Null(await Resolver.ResolveAsync(credential, CancellationToken.None));

    [Fact]
    public async Task ThroughTheServer_KeyKnownButNotAnAdminThenRevokedAndRefusedAtOnce()
    {
        var organization = await Server.NewOrganizationAsync();
        var created = await Server.NewApiKeyAsync(organization.Name);
        using var channel = Server.ChannelFor(created.Secret);
        var asApiClient = new OrganizationService.OrganizationServiceClient(channel);

        // Recognised (the resolver is registered): an API client, refused this administrators' method.
        var denied = await RpcFailure.Of(StatusCode.PermissionDenied, () => asApiClient.GetOrganizationAsync(new GetOrganizationRequest { Name = organization.Name }));
        await Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name });
        var refused = await RpcFailure.Of(StatusCode.Unauthenticated, () => asApiClient.GetOrganizationAsync(new GetOrganizationRequest { Name = organization.Name }));

        Assert.Equal("ROLE_NOT_ALLOWED", denied.ErrorInfo().Reason);
        Assert.Equal("CREDENTIALS_INVALID", refused.ErrorInfo().Reason);
    }

    [Fact]
    public async Task DemoOrganizations_Seeded_TheHospitalWithAKeyThatWorks()
    {
        await using (var connection = await _dataSource!.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var (organizationId, secret) = await DemoOrganizations.SeedAsync(connection, transaction, Server.Clock.GetUtcNow(), CancellationToken.None);
            await transaction.CommitAsync();

            var organization = await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = $"organizations/{organizationId}" });
            var key = await ListedAsync(organization.Name);
            var caller = await Resolver.ResolveAsync(secret, CancellationToken.None);

            Assert.Equal(("Centre hospitalier de Valence", "73282932000074"), (organization.DisplayName, organization.Siret));
            Assert.Equal(("SIRH démo", secret[..10]), (key.DisplayName, key.KeyPrefix));
            Assert.Equal(key.Name, caller?.Actor);
        }
    }

    private async Task<ApiKey> ListedAsync(string organizationName) =>
        Assert.Single((await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = organizationName })).ApiKeys);
}
