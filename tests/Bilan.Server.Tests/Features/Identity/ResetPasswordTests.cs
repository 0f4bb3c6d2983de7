using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class ResetPasswordTests(ApiFixture fixture)
{
    private const string OldPassword = "Ancien-mot-de-passe-1";

    private const string NewPassword = "Nouveau-mot-de-passe-2";

    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    private AuthService.AuthServiceClient Auth => new(Server.AnonymousChannel);

    [Fact]
    public async Task ResetPassword_WithEtag_NewPasswordWorksOldOneNotAndSessionsEnded()
    {
        var user = await CreateAsync();
        await LoginAsync(user.Email, OldPassword);

        var reset = await Users.ResetPasswordAsync(new ResetPasswordRequest { Name = user.Name, NewPassword = NewPassword, Etag = user.Etag });

        Assert.NotEqual(user.Etag, reset.Etag);
        Assert.Equal(0L, await SessionCount(user));
        await RpcFailure.Of(StatusCode.Unauthenticated, () => Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = OldPassword }));
        Assert.Equal(user.Name, (await LoginAsync(user.Email, NewPassword)).User.Name);
    }

    [Fact]
    public async Task ResetPassword_LockedUser_LockLiftedAtOnce()
    {
        var user = await CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await RpcFailure.Of(StatusCode.Unauthenticated, () => Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = "Mauvais-mot-de-passe-9" }));
        }

        var locked = await Users.GetUserAsync(new GetUserRequest { Name = user.Name });
        var reset = await Users.ResetPasswordAsync(new ResetPasswordRequest { Name = user.Name, NewPassword = NewPassword });

        Assert.NotNull(locked.LockedUntil);
        Assert.Equal(user.Etag, locked.Etag);
        Assert.Null(reset.LockedUntil);
        Assert.Equal(user.Name, (await LoginAsync(user.Email, NewPassword)).User.Name);
    }

    [Fact]
    public async Task ResetPassword_WeakPasswordAndMalformedName_InvalidArgumentNamingBoth()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.ResetPasswordAsync(
            new ResetPasswordRequest { Name = "users/x", NewPassword = "seulementdeslettres" }));

        Assert.Equal(["name", "new_password"], status.BadFields());
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_InvalidArgumentAndOldPasswordStillWorks()
    {
        var user = await CreateAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.ResetPasswordAsync(
            new ResetPasswordRequest { Name = user.Name, NewPassword = "court-1" }));

        Assert.Equal(["new_password"], status.BadFields());
        await LoginAsync(user.Email, OldPassword);
    }

    [Fact]
    public async Task ResetPassword_StaleEtag_AbortedAndOldPasswordStillWorks()
    {
        var user = await CreateAsync();
        await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name });
        await Users.EnableUserAsync(new EnableUserRequest { Name = user.Name });

        await RpcFailure.Of(StatusCode.Aborted, () => Users.ResetPasswordAsync(
            new ResetPasswordRequest { Name = user.Name, NewPassword = NewPassword, Etag = user.Etag }));

        await LoginAsync(user.Email, OldPassword);
    }

    [Fact]
    public async Task ResetPassword_Unknown_NotFound() =>
        await RpcFailure.Of(StatusCode.NotFound, () => Users.ResetPasswordAsync(
            new ResetPasswordRequest { Name = $"users/{Guid.NewGuid()}", NewPassword = NewPassword }));

    [Fact]
    public async Task ResetPassword_SameRequestIdTwice_FirstAnswerAgainAndSessionsOpenedSinceKept()
    {
        var user = await CreateAsync();
        var request = new ResetPasswordRequest { Name = user.Name, NewPassword = NewPassword, RequestId = Guid.NewGuid().ToString() };
        var first = await Users.ResetPasswordAsync(request);
        await LoginAsync(user.Email, NewPassword);

        var retry = await Users.ResetPasswordAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(1L, await SessionCount(user));
    }

    private async Task<User> CreateAsync() =>
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $"reset.{Guid.NewGuid():N}@example.org", DisplayName = "Jeanne Martin", Role = StaffRole.Admin },
            Password = OldPassword,
        });

    private async Task<LoginResponse> LoginAsync(string email, string password) =>
        await Auth.LoginAsync(new LoginRequest { Email = email, Password = password });

    private Task<long> SessionCount(User user) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{user.Name[6..]}'");
}
