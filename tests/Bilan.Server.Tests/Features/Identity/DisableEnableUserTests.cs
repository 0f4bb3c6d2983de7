using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class DisableEnableUserTests(ApiFixture fixture)
{
    private const string Password = "Mot-de-passe-2026";

    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    private AuthService.AuthServiceClient Auth => new(Server.AnonymousChannel);

    [Fact]
    public async Task DisableUser_WithEtag_DisabledNewEtagSessionsEndedAndLoginRefused()
    {
        var user = await CreateAsync();
        await LoginAsync(user.Email);
        await LoginAsync(user.Email);

        var disabled = await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name, Etag = user.Etag });

        Assert.True(disabled.Disabled);
        Assert.NotEqual(user.Etag, disabled.Etag);
        Assert.True(disabled.UpdateTime.ToDateTimeOffset() > user.UpdateTime.ToDateTimeOffset());
        Assert.Equal(disabled, await Users.GetUserAsync(new GetUserRequest { Name = user.Name }));
        Assert.Equal(0L, await SessionCount(user));
        var status = await RpcFailure.Of(StatusCode.Unauthenticated, () => Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = Password }));
        Assert.Equal("INVALID_CREDENTIALS", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task DisableUser_StaleEtag_AbortedAndStillEnabled()
    {
        var user = await CreateAsync();
        var disabled = await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name });
        await Users.EnableUserAsync(new EnableUserRequest { Name = user.Name, Etag = disabled.Etag });

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Users.DisableUserAsync(new DisableUserRequest { Name = user.Name, Etag = user.Etag }));

        Assert.Equal(("ETAG_MISMATCH", user.Name), (status.ErrorInfo().Reason, status.ErrorInfo().Metadata["resource_name"]));
        Assert.False((await Users.GetUserAsync(new GetUserRequest { Name = user.Name })).Disabled);
    }

    [Fact]
    public async Task DisableUser_AlreadyDisabled_FailedPrecondition()
    {
        var user = await CreateAsync();
        await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Users.DisableUserAsync(new DisableUserRequest { Name = user.Name }));

        Assert.Equal("USER_ALREADY_DISABLED", status.ErrorInfo().Reason);
        Assert.Equal("Cet utilisateur est déjà désactivé.", status.FrenchMessage());
    }

    [Fact]
    public async Task DisableUser_SameRequestIdTwice_FirstAnswerAgainNotARefusal()
    {
        var user = await CreateAsync();
        var request = new DisableUserRequest { Name = user.Name, Etag = user.Etag, RequestId = Guid.NewGuid().ToString() };

        var first = await Users.DisableUserAsync(request);
        var retry = await Users.DisableUserAsync(request);

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task DisableUser_RequestIdReusedForAnotherUser_InvalidArgumentAndOtherUnchanged()
    {
        var (first, other) = (await CreateAsync(), await CreateAsync());
        var requestId = Guid.NewGuid().ToString();
        await Users.DisableUserAsync(new DisableUserRequest { Name = first.Name, RequestId = requestId });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.DisableUserAsync(new DisableUserRequest { Name = other.Name, RequestId = requestId }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.False((await Users.GetUserAsync(new GetUserRequest { Name = other.Name })).Disabled);
    }

    [Fact]
    public async Task DisableUser_Unknown_NotFound()
    {
        var status = await RpcFailure.Of(StatusCode.NotFound, () => Users.DisableUserAsync(new DisableUserRequest { Name = $"users/{Guid.NewGuid()}" }));

        Assert.Equal("Cet utilisateur n'existe pas.", status.FrenchMessage());
    }

    [Fact]
    public async Task DisableUser_MalformedName_InvalidArgumentOnName()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.DisableUserAsync(new DisableUserRequest { Name = "users/jeanne" }));

        Assert.Equal(["name"], status.BadFields());
    }

    [Fact]
    public async Task EnableUser_Disabled_EnabledAndCanLogInAgain()
    {
        var user = await CreateAsync();
        var disabled = await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name });

        var enabled = await Users.EnableUserAsync(new EnableUserRequest { Name = user.Name, Etag = disabled.Etag });

        Assert.False(enabled.Disabled);
        Assert.NotEqual(disabled.Etag, enabled.Etag);
        Assert.StartsWith("bs_", (await LoginAsync(user.Email)).Token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnableUser_NotDisabled_FailedPrecondition()
    {
        var user = await CreateAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Users.EnableUserAsync(new EnableUserRequest { Name = user.Name }));

        Assert.Equal("USER_NOT_DISABLED", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task EnableUser_StaleEtag_AbortedAndStillDisabled()
    {
        var user = await CreateAsync();
        await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name });

        await RpcFailure.Of(StatusCode.Aborted, () => Users.EnableUserAsync(new EnableUserRequest { Name = user.Name, Etag = user.Etag }));

        Assert.True((await Users.GetUserAsync(new GetUserRequest { Name = user.Name })).Disabled);
    }

    [Fact]
    public async Task EnableUser_SameRequestIdTwice_FirstAnswerAgain()
    {
        var user = await CreateAsync();
        await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name });
        var request = new EnableUserRequest { Name = user.Name, RequestId = Guid.NewGuid().ToString() };

        var first = await Users.EnableUserAsync(request);
        var retry = await Users.EnableUserAsync(request);

        Assert.Equal(first, retry);
    }

    private async Task<User> CreateAsync() =>
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $"state.{Guid.NewGuid():N}@example.org", DisplayName = "Jeanne Martin", Role = StaffRole.Support },
            Password = Password,
        });

    private async Task<LoginResponse> LoginAsync(string email) =>
        await Auth.LoginAsync(new LoginRequest { Email = email, Password = Password });

    private Task<long> SessionCount(User user) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{user.Name[6..]}'");
}
