using Bilan.Contracts.V1;
using Bilan.Domain.Identity;
using Bilan.Server.Features.Identity;
using Bilan.Server.Tests.Api;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class LogoutTests(ApiFixture fixture)
{
    private const string Password = "Mot-de-passe-2026";

    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    [Fact]
    public async Task Logout_WithSessionToken_ThatTokenRefusedAtOnceAndTheUsersOtherSessionKept()
    {
        var user = await CreateAsync();
        var ended = await Server.LoginAsync(user.Email, Password);
        var kept = await Server.LoginAsync(user.Email, Password);
        await ConsultantsAs(ended).ListConsultantsAsync(new ListConsultantsRequest());

        await new AuthService.AuthServiceClient(Server.ChannelFor(ended)).LogoutAsync(new LogoutRequest());

        var status = await RpcFailure.Of(StatusCode.Unauthenticated, () => ConsultantsAs(ended).ListConsultantsAsync(new ListConsultantsRequest()));
        Assert.Equal("CREDENTIALS_INVALID", status.ErrorInfo().Reason);
        await ConsultantsAs(kept).ListConsultantsAsync(new ListConsultantsRequest());
        Assert.Equal(1L, await SessionCount(user));
    }

    [Fact]
    public async Task Logout_SchemeInLowerCase_StillEndsTheSession()
    {
        var user = await CreateAsync();
        var token = await Server.LoginAsync(user.Email, Password);

        await new AuthService.AuthServiceClient(Server.AnonymousChannel).LogoutAsync(
            new LogoutRequest(), new Metadata { { "authorization", $"bearer {token}" } });

        Assert.Equal(0L, await SessionCount(user));
    }

    // Logging out is idempotent in the handler; whether a second call reaches it is the access table's choice
    // (Logout open to anonymous callers, or to staff only), so these call the handler directly.
    [Fact]
    public async Task LogoutHandler_SameTokenTwice_BothSucceed()
    {
        var user = await CreateAsync();
        var token = await Server.LoginAsync(user.Email, Password);
        await using var dataSource = NpgsqlDataSource.Create(Server.Database.ConnectionString);

        await LogoutAsync(dataSource, $"Bearer {token}");
        await LogoutAsync(dataSource, $"Bearer {token}");

        Assert.Equal(0L, await SessionCount(user));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer bk_an-api-key")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer bs_never-issued")]
    public async Task LogoutHandler_NoSessionTokenOfThisUser_SucceedsAndEndsNothing(string? authorization)
    {
        var user = await CreateAsync();
        await Server.LoginAsync(user.Email, Password);
        await using var dataSource = NpgsqlDataSource.Create(Server.Database.ConnectionString);

        await LogoutAsync(dataSource, authorization);

        Assert.Equal(1L, await SessionCount(user));
    }

    private async Task LogoutAsync(NpgsqlDataSource dataSource, string? authorization)
    {
        var service = new AuthenticationService(dataSource, Server.Clock, new IdentityPolicy(), NullLogger<AuthenticationService>.Instance);
        var context = TestServerCallContext.Create(method: "/bilan.v1.AuthService/Logout");
        if (authorization is not null)
        {
            context.RequestHeaders.Add("authorization", authorization);
        }

        Assert.NotNull(await service.Logout(new LogoutRequest(), context));
    }

    private ConsultantService.ConsultantServiceClient ConsultantsAs(string token) => new(Server.ChannelFor(token));

    private async Task<User> CreateAsync() =>
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $"logout.{Guid.NewGuid():N}@example.org", DisplayName = "Jeanne Martin", Role = StaffRole.Support },
            Password = Password,
        });

    private Task<long> SessionCount(User user) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM sessions WHERE user_id = '{user.Name[6..]}'");
}
