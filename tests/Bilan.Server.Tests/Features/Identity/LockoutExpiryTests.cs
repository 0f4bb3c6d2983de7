using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Identity;

/// <summary>The end of a lock, on a server of its own, since these tests move its clock.</summary>
public sealed class LockoutExpiryTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Password = "Mot-de-passe-2026";

    private const string WrongPassword = "Pas-le-bon-2026";

    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    private AuthService.AuthServiceClient Auth => new(Server.AnonymousChannel);

    [Fact]
    public async Task Login_LockedAccount_StillLockedAfterFourteenMinutesOpenAfterFifteen()
    {
        var user = await LockedUserAsync();

        Server.Clock.Advance(TimeSpan.FromMinutes(14));
        var status = await RpcFailure.Of(StatusCode.Unauthenticated, () => Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = Password }));
        Assert.Equal("ACCOUNT_LOCKED", status.ErrorInfo().Reason);

        Server.Clock.Advance(TimeSpan.FromMinutes(1));
        var login = await Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = Password });

        Assert.Equal(user.Name, login.User.Name);
        Assert.Null((await Users.GetUserAsync(new GetUserRequest { Name = user.Name })).LockedUntil);
    }

    [Fact]
    public async Task GetUser_LockEnded_NoLockedUntilEvenBeforeTheNextLogin()
    {
        var user = await LockedUserAsync();
        Assert.NotNull((await Users.GetUserAsync(new GetUserRequest { Name = user.Name })).LockedUntil);

        Server.Clock.Advance(TimeSpan.FromMinutes(16));

        Assert.Null((await Users.GetUserAsync(new GetUserRequest { Name = user.Name })).LockedUntil);
    }

    [Fact]
    public async Task Login_AfterALockEnds_FiveNewFailuresNeededToLockAgain()
    {
        var user = await LockedUserAsync();
        Server.Clock.Advance(TimeSpan.FromMinutes(16));

        for (var i = 0; i < 4; i++)
        {
            var refused = await RpcFailure.Of(StatusCode.Unauthenticated, () => Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = WrongPassword }));
            Assert.Equal("INVALID_CREDENTIALS", refused.ErrorInfo().Reason);
        }

        Assert.Equal(user.Name, (await Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = Password })).User.Name);
    }

    private async Task<User> LockedUserAsync()
    {
        var user = await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $"lock.{Guid.NewGuid():N}@example.org", DisplayName = "Jeanne Martin", Role = StaffRole.Support },
            Password = Password,
        });
        for (var i = 0; i < 5; i++)
        {
            await RpcFailure.Of(StatusCode.Unauthenticated, () => Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = WrongPassword }));
        }

        return user;
    }
}
