using Bilan.Contracts.V1;
using Bilan.Server.Data;
using Bilan.Server.Features.Identity;
using Bilan.Server.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class CreateAdminCommandTests(ApiFixture fixture)
{
    private const string Password = "Premier-admin-2026";

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task CreateAdmin_ValidInput_CreatesAnAdminWhoCanLogIn()
    {
        var email = UniqueEmail();

        var (exitCode, output, error) = await RunAsync(["create-admin", "--email", email, "--name", "Jeanne Admin"], Password + "\n");

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.Matches($"^Created admin users/[0-9a-f-]{{36}} {System.Text.RegularExpressions.Regex.Escape(email)}\n$", output.ReplaceLineEndings("\n"));
        var login = await new AuthService.AuthServiceClient(Server.AnonymousChannel).LoginAsync(new LoginRequest { Email = email, Password = Password });
        Assert.Equal((StaffRole.Admin, "Jeanne Admin", false), (login.User.Role, login.User.DisplayName, login.User.Disabled));
        Assert.Contains(login.User.Name, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5001")]
    [InlineData("create-admins")]
    public async Task TryRun_OtherArguments_NotThisCommand(params string[] args) =>
        Assert.Null((await RunAsync(args, Password + "\n")).ExitCode);

    [Fact]
    public async Task CreateAdmin_WeakPassword_ExitTwoSayingTheRuleAndNothingCreated()
    {
        var email = UniqueEmail();

        var (exitCode, output, error) = await RunAsync(["create-admin", "--email", email, "--name", "Jeanne Admin"], "jeannejeanne\n");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("password (standard input): Only letters: at least 12 characters, not only letters", error, StringComparison.Ordinal);
        Assert.Equal(0L, await CountWithEmail(email));
    }

    [Fact]
    public async Task CreateAdmin_NoPasswordLine_ExitTwo()
    {
        var (exitCode, _, error) = await RunAsync(["create-admin", "--email", UniqueEmail(), "--name", "Jeanne Admin"], "");

        Assert.Equal(2, exitCode);
        Assert.Contains("password (standard input): Required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_BadEmailAndNoName_ExitTwoNamingEachOption()
    {
        var (exitCode, _, error) = await RunAsync(["create-admin", "--email", "jeanne.example.org", "--name", " "], Password + "\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("--email: Not an e-mail address", error, StringComparison.Ordinal);
        Assert.Contains("--name: Required.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("create-admin", "--email", "a@b.fr")]
    [InlineData("create-admin", "--name", "Jeanne")]
    [InlineData("create-admin", "--email", "a@b.fr", "--name")]
    [InlineData("create-admin", "--email", "a@b.fr", "--name", "Jeanne", "--role", "admin")]
    [InlineData("create-admin", "--email", "a@b.fr", "--email", "c@d.fr", "--name", "Jeanne")]
    public async Task CreateAdmin_BadOptions_ExitTwoWithUsage(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args, Password + "\n");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("Usage: Bilan.Server create-admin --email <address> --name <display name>", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_EmailAlreadyUsed_ExitTwoAndOneUser()
    {
        var email = UniqueEmail();
        await RunAsync(["create-admin", "--email", email, "--name", "Jeanne Admin"], Password + "\n");

        var (exitCode, _, error) = await RunAsync(["create-admin", "--email", email.ToUpperInvariant(), "--name", "Jeanne Admin"], Password + "\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal(1L, await CountWithEmail(email));
    }

    private async Task<(int? ExitCode, string Output, string Error)> RunAsync(string[] args, string input)
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(NpgsqlDataSource.Create(Server.Database.ConnectionString))
            .AddSingleton<DatabaseMigrator>()
            .AddSingleton<TimeProvider>(Server.Clock)
            .BuildServiceProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CreateAdminCommand.TryRunAsync(args, services, new StringReader(input), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private Task<long> CountWithEmail(string email) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM users WHERE lower(email) = lower('{email}')");

    private static string UniqueEmail() => $"admin.{Guid.NewGuid():N}@example.org";
}
