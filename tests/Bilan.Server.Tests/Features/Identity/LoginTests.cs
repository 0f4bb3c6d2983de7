using System.Security.Cryptography;
using System.Text;
using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class LoginTests(ApiFixture fixture)
{
    private const string Password = "Mot-de-passe-2026";

    private const string WrongPassword = "Pas-le-bon-2026";

    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    private AuthService.AuthServiceClient Auth => new(Server.AnonymousChannel);

    [Fact]
    public async Task Login_RightPassword_OpaqueTokenWhoseHashAloneIsStoredWithExpiriesAndTheUser()
    {
        var consultant = await Server.NewConsultantAsync();
        var user = await CreateAsync(StaffRole.Consultant, consultant.Name);
        var before = Server.Clock.GetUtcNow();

        var login = await Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = Password });

        Assert.Matches("^bs_[A-Za-z0-9_-]{43}$", login.Token);
        Assert.Equal(user, login.User);
        Assert.Equal(TimeSpan.FromMinutes(30), login.IdleTimeout.ToTimeSpan());
        var expiry = login.ExpireTime.ToDateTimeOffset();
        Assert.InRange(expiry, before.AddHours(12), Server.Clock.GetUtcNow().AddHours(12));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(login.Token)));
        Assert.Equal(1L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE token_hash = '\\x{hash}'::bytea AND user_id = '{user.Name[6..]}'"));
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions s WHERE strpos(s::text, '{login.Token[3..]}') > 0"));
    }

    [Fact]
    public async Task Login_TwiceTheSameUser_TwoSessionsWithDifferentTokens()
    {
        var user = await CreateAsync();

        var first = await LoginAsync(user.Email);
        var second = await LoginAsync(user.Email);

        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(2L, await SessionCount(user));
    }

    [Fact]
    public async Task Login_EmailInOtherCaseWithSpaces_LogsIn()
    {
        var user = await CreateAsync();

        var login = await Auth.LoginAsync(new LoginRequest { Email = $"  {user.Email.ToUpperInvariant()} ", Password = Password });

        Assert.Equal(user.Name, login.User.Name);
    }

    [Fact]
    public async Task Login_WrongPasswordUnknownEmailAndDisabledUser_SameStatusReasonAndMessages()
    {
        var user = await CreateAsync();
        var disabled = await CreateAsync();
        await Users.DisableUserAsync(new DisableUserRequest { Name = disabled.Name });

        var wrongPassword = await RefusedAsync(user.Email, WrongPassword);
        var unknownEmail = await RefusedAsync($"nobody.{Guid.NewGuid():N}@example.org", Password);
        var disabledUser = await RefusedAsync(disabled.Email, Password);

        foreach (var status in new[] { wrongPassword, unknownEmail, disabledUser })
        {
            Assert.Equal("INVALID_CREDENTIALS", status.ErrorInfo().Reason);
            Assert.Equal("Unknown e-mail or wrong password.", status.Message);
            Assert.Equal("Adresse e-mail inconnue ou mot de passe erroné.", status.FrenchMessage());
            Assert.Equal(["correlation_id"], status.ErrorInfo().Metadata.Keys);
        }
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_SixthWithTheRightPasswordIsLockedWithItsEnd()
    {
        var user = await CreateAsync();
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal("INVALID_CREDENTIALS", (await RefusedAsync(user.Email, WrongPassword)).ErrorInfo().Reason);
        }

        var lockTime = Server.Clock.GetUtcNow();
        var status = await RefusedAsync(user.Email, Password);

        Assert.Equal("ACCOUNT_LOCKED", status.ErrorInfo().Reason);
        var lockedUntil = DateTimeOffset.Parse(status.ErrorInfo().Metadata["locked_until"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lockedUntil, lockTime.AddMinutes(14), lockTime.AddMinutes(15));
        Assert.Contains("locked until", status.Message, StringComparison.Ordinal);
        Assert.Contains("bloqué jusqu'à", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Equal(lockedUntil, (await Users.GetUserAsync(new GetUserRequest { Name = user.Name })).LockedUntil.ToDateTimeOffset());
        Assert.Equal(0L, await SessionCount(user));
    }

    [Fact]
    public async Task Login_WhileLocked_WrongPasswordsNeitherCountedNorLengthenTheLock()
    {
        var user = await CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            await RefusedAsync(user.Email, WrongPassword);
        }

        var first = (await RefusedAsync(user.Email, WrongPassword)).ErrorInfo().Metadata["locked_until"];
        var second = (await RefusedAsync(user.Email, WrongPassword)).ErrorInfo().Metadata["locked_until"];

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Login_FourFailuresThenSuccess_CounterStartsAgain()
    {
        var user = await CreateAsync();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                await RefusedAsync(user.Email, WrongPassword);
            }

            await LoginAsync(user.Email);
        }

        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT failed_logins FROM users WHERE id = '{user.Name[6..]}'"));
    }

    [Fact]
    public async Task Login_UnknownEmailManyTimes_NeverLocked()
    {
        var email = $"nobody.{Guid.NewGuid():N}@example.org";
        for (var i = 0; i < 6; i++)
        {
            await RefusedAsync(email, WrongPassword);
        }

        Assert.Equal("INVALID_CREDENTIALS", (await RefusedAsync(email, Password)).ErrorInfo().Reason);
    }

    [Fact]
    public async Task Login_MissingEmailAndPassword_InvalidArgumentNamingBoth()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Auth.LoginAsync(new LoginRequest { Email = "  " }));

        Assert.Equal(["email", "password"], status.BadFields());
    }

    private async Task<User> CreateAsync(StaffRole role = StaffRole.Support, string consultant = "") =>
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $"login.{Guid.NewGuid():N}@example.org", DisplayName = "Jeanne Martin", Role = role, Consultant = consultant },
            Password = Password,
        });

    private async Task<LoginResponse> LoginAsync(string email) =>
        await Auth.LoginAsync(new LoginRequest { Email = email, Password = Password });

    private Task<RpcStatus> RefusedAsync(string email, string password) =>
        RpcFailure.Of(StatusCode.Unauthenticated, () => Auth.LoginAsync(new LoginRequest { Email = email, Password = password }));

    private Task<long> SessionCount(User user) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{user.Name[6..]}'");
}
