using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class LogoutTests(ApiFixture fixture)
{
    private const string Password = "Mot-de-passe-2026";

    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    private AuthService.AuthServiceClient Auth => new(Server.Channel);

    [Fact]
    public async Task Logout_WithSessionToken_EndsThatSessionOnlyAndTwiceIsFine()
    {
        var user = await CreateAsync();
        var ended = await LoginAsync(user);
        await LoginAsync(user);

        await Auth.LogoutAsync(new LogoutRequest(), Bearer(ended.Token));
        await Auth.LogoutAsync(new LogoutRequest(), Bearer(ended.Token));

        Assert.Equal(1L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{user.Name[6..]}'"));
    }

    [Fact]
    public async Task Logout_SchemeInLowerCase_StillEndsTheSession()
    {
        var user = await CreateAsync();
        var login = await LoginAsync(user);

        await Auth.LogoutAsync(new LogoutRequest(), new Metadata { { "authorization", $"bearer {login.Token}" } });

        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{user.Name[6..]}'"));
    }

    [Fact]
    public async Task Logout_WithoutSessionToken_SucceedsAndEndsNothing()
    {
        var user = await CreateAsync();
        await LoginAsync(user);

        await Auth.LogoutAsync(new LogoutRequest());
        await Auth.LogoutAsync(new LogoutRequest(), Bearer("bk_not-a-session"));

        Assert.Equal(1L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{user.Name[6..]}'"));
    }

    private static Metadata Bearer(string token) => new() { { "authorization", $"Bearer {token}" } };

    private async Task<User> CreateAsync() =>
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $"logout.{Guid.NewGuid():N}@example.org", DisplayName = "Jeanne Martin", Role = StaffRole.Support },
            Password = Password,
        });

    private async Task<LoginResponse> LoginAsync(User user) =>
        await Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = Password });
}
