using Bilan.Contracts.V1;
using Bilan.Server.Features.Identity;
using Bilan.Server.Tests.TestSupport;
using Npgsql;
using AuthRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Tests.Features.Identity;

public sealed class DemoAccountsTests
{
    [Fact]
    public async Task SeedAsync_InTheCallersTransaction_OneAccountPerRoleEachLoggingInWithItsPublishedPassword()
    {
        await using var server = await ApiServer.StartAsync();
        var consultant = await server.NewConsultantAsync("Claire Dupont");
        var consultantId = Guid.Parse(consultant.Name["consultants/".Length..]);

        IReadOnlyList<(string Email, string Password, AuthRole Role)> accounts;
        await using (var connection = new NpgsqlConnection(server.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            accounts = await DemoAccounts.SeedAsync(connection, transaction, server.Clock.GetUtcNow(), consultantId, CancellationToken.None);
            await transaction.CommitAsync();
        }

        Assert.Equal([AuthRole.Admin, AuthRole.Consultant, AuthRole.Support], accounts.Select(a => a.Role));
        Assert.Equal("admin@example.org", accounts[0].Email);
        var auth = new AuthService.AuthServiceClient(server.AnonymousChannel);
        foreach (var (email, password, role) in accounts)
        {
            var login = await auth.LoginAsync(new LoginRequest { Email = email, Password = password });
            Assert.Equal((int)role, (int)login.User.Role);
            Assert.Equal(role == AuthRole.Consultant ? consultant.Name : "", login.User.Consultant);
        }

        var consultantUser = (await new UserService.UserServiceClient(server.Channel).ListUsersAsync(
            new ListUsersRequest { Filter = "role = STAFF_ROLE_CONSULTANT" })).Users.Single();
        Assert.Equal(("consultant@example.org", "Claire Dupont"), (consultantUser.Email, consultantUser.DisplayName));
    }

    [Fact]
    public async Task SeedAsync_RolledBack_NoAccount()
    {
        await using var server = await ApiServer.StartAsync();
        var consultant = await server.NewConsultantAsync();

        await using (var connection = new NpgsqlConnection(server.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await DemoAccounts.SeedAsync(connection, transaction, server.Clock.GetUtcNow(), Guid.Parse(consultant.Name["consultants/".Length..]), CancellationToken.None);
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM users WHERE email IN ('{DemoAccounts.AdminEmail}', '{DemoAccounts.ConsultantEmail}', '{DemoAccounts.SupportEmail}')"));
    }
}
