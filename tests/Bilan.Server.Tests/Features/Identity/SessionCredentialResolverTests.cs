using Bilan.Contracts.V1;
using Bilan.Domain.Identity;
using Bilan.Server.Features.Identity;
using Bilan.Server.Tests.TestSupport;
using Npgsql;
using AuthRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Tests.Features.Identity;

/// <summary>
/// The resolver the access check asks about session tokens, on a server of its own, since these tests move its
/// clock by hours.
/// </summary>
public sealed class SessionCredentialResolverTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Password = "Mot-de-passe-2026";

    private NpgsqlDataSource? _dataSource;

    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    private AuthService.AuthServiceClient Auth => new(Server.AnonymousChannel);

    private SessionCredentialResolver Resolver =>
        new(_dataSource ?? throw new InvalidOperationException("Not initialised."), Server.Clock, new IdentityPolicy());

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

    [Fact]
    public async Task Resolve_FreshConsultantSession_CallerWithRoleAndConsultant()
    {
        var consultant = await Server.NewConsultantAsync();
        var user = await CreateAsync(StaffRole.Consultant, consultant.Name);
        var token = await LoginAsync(user);

        var caller = await Resolver.ResolveAsync(token, CancellationToken.None);

        Assert.NotNull(caller);
        Assert.Equal((user.Name, AuthRole.Consultant), (caller.Actor, caller.Role));
        Assert.Equal(Guid.Parse(user.Name[6..]), caller.UserId);
        Assert.Equal(Guid.Parse(consultant.Name["consultants/".Length..]), caller.ConsultantId);
        Assert.False(caller.IsApiClient);
    }

    [Theory]
    [InlineData(StaffRole.Admin, AuthRole.Admin)]
    [InlineData(StaffRole.Support, AuthRole.Support)]
    public async Task Resolve_FreshSession_CallerWithTheUsersRoleAndNoConsultant(StaffRole role, AuthRole expected)
    {
        var user = await CreateAsync(role);

        var caller = await Resolver.ResolveAsync(await LoginAsync(user), CancellationToken.None);

        Assert.Equal((user.Name, expected, (Guid?)null), (caller?.Actor, caller?.Role, caller?.ConsultantId));
    }

    [Theory]
    [InlineData("bs_abc", true)]
    [InlineData("bk_abc", false)]
    [InlineData("BS_abc", false)]
    [InlineData("", false)]
    public void Recognises_SessionTokensByTheirPrefixOnly(string credential, bool expected) =>
        Assert.Equal(expected, Resolver.Recognises(credential));

    [Fact]
    public async Task Resolve_UnknownToken_Null() =>
        Assert.Null(await Resolver.ResolveAsync("bs_" + new string('A', 43), CancellationToken.None));

    [Fact]
    public async Task Resolve_UsedEveryTwentyMinutes_StaysOpenPastThirtyMinutes()
    {
        var token = await LoginAsync(await CreateAsync(StaffRole.Support));

        for (var i = 0; i < 4; i++)
        {
            Server.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.NotNull(await Resolver.ResolveAsync(token, CancellationToken.None));
        }
    }

    [Fact]
    public async Task Resolve_IdleForThirtyOneMinutes_NullAndTheSessionDeleted()
    {
        var user = await CreateAsync(StaffRole.Support);
        var token = await LoginAsync(user);
        Server.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await Resolver.ResolveAsync(token, CancellationToken.None));

        Server.Clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(await Resolver.ResolveAsync(token, CancellationToken.None));
        Assert.Equal(0L, await SessionCount(user));
    }

    [Fact]
    public async Task Resolve_UsedEveryTenMinutes_EndsTwelveHoursAfterTheLogin()
    {
        var token = await LoginAsync(await CreateAsync(StaffRole.Admin));

        // Eleven hours and fifty minutes of use, a call every ten minutes: always open.
        for (var i = 0; i < 71; i++)
        {
            Server.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.NotNull(await Resolver.ResolveAsync(token, CancellationToken.None));
        }

        Server.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(await Resolver.ResolveAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Resolve_AfterDisableUser_Null()
    {
        var user = await CreateAsync(StaffRole.Support);
        var token = await LoginAsync(user);

        await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name });

        Assert.Null(await Resolver.ResolveAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Resolve_AfterDisableThenEnable_OldSessionStaysEnded()
    {
        var user = await CreateAsync(StaffRole.Support);
        var token = await LoginAsync(user);
        await Users.DisableUserAsync(new DisableUserRequest { Name = user.Name });

        await Users.EnableUserAsync(new EnableUserRequest { Name = user.Name });

        Assert.Null(await Resolver.ResolveAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Resolve_SessionLeftWhileUserDisabled_Null()
    {
        // A session row that outlived its user's disabling (it cannot happen through the API): still refused.
        var user = await CreateAsync(StaffRole.Support);
        var token = await LoginAsync(user);
        await Server.Database.ScalarAsync<int>($"UPDATE users SET disabled = true WHERE id = '{user.Name[6..]}'");

        Assert.Null(await Resolver.ResolveAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Resolve_AfterResetPassword_Null()
    {
        var user = await CreateAsync(StaffRole.Support);
        var token = await LoginAsync(user);

        await Users.ResetPasswordAsync(new ResetPasswordRequest { Name = user.Name, NewPassword = "Nouveau-mot-de-passe-1" });

        Assert.Null(await Resolver.ResolveAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Resolve_AfterLogout_NullAndTheUsersOtherSessionStillOpen()
    {
        var user = await CreateAsync(StaffRole.Support);
        var token = await LoginAsync(user);
        var other = await LoginAsync(user);

        await new AuthService.AuthServiceClient(Server.ChannelFor(token)).LogoutAsync(new LogoutRequest());

        Assert.Null(await Resolver.ResolveAsync(token, CancellationToken.None));
        Assert.NotNull(await Resolver.ResolveAsync(other, CancellationToken.None));
    }

    private async Task<User> CreateAsync(StaffRole role, string consultant = "") =>
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $"session.{Guid.NewGuid():N}@example.org", DisplayName = "Jeanne Martin", Role = role, Consultant = consultant },
            Password = Password,
        });

    private async Task<string> LoginAsync(User user) =>
        (await Auth.LoginAsync(new LoginRequest { Email = user.Email, Password = Password })).Token;

    private Task<long> SessionCount(User user) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{user.Name[6..]}'");
}
