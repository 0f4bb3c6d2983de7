using Bilan.Server.Auth;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// The staff accounts of the demo data (scripts/run), one per role, with passwords that are published here and
/// printed at start-up: demo databases only, never an installation that holds real data.
/// </summary>
public static class DemoAccounts
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Demo-admin-2026";
    public const string ConsultantEmail = "consultant@example.org";
    public const string ConsultantPassword = "Demo-consultant-2026";
    public const string SupportEmail = "support@example.org";
    public const string SupportPassword = "Demo-support-2026";

    private const string ConsultantNameSql = "SELECT display_name FROM consultants WHERE id = @Id";

    /// <summary>
    /// Creates the admin, consultant (the user of <paramref name="consultantId"/>, under that consultant's name)
    /// and support accounts in the caller's transaction; returns how to log in with each.
    /// </summary>
    public static async Task<IReadOnlyList<(string Email, string Password, StaffRole Role)>> SeedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, Guid consultantId, CancellationToken cancellationToken)
    {
        var consultantName = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            ConsultantNameSql, new { Id = consultantId }, transaction, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"The demo consultant {consultantId} does not exist.");
        (string Email, string Password, StaffRole Role, string DisplayName, Guid? ConsultantId)[] accounts =
        [
            (AdminEmail, AdminPassword, StaffRole.Admin, "Administratrice démo", null),
            (ConsultantEmail, ConsultantPassword, StaffRole.Consultant, consultantName, consultantId),
            (SupportEmail, SupportPassword, StaffRole.Support, "Support démo", null),
        ];
        foreach (var account in accounts)
        {
            var record = new UserRecord(
                Guid.CreateVersion7(now), account.Email, account.DisplayName, account.Role, account.ConsultantId, Disabled: false, LockedUntil: null, Version: 1, now, now);
            await UserWrites.InsertAsync(connection, transaction, record, Passwords.Hash(account.Password), cancellationToken);
        }

        return [.. accounts.Select(account => (account.Email, account.Password, account.Role))];
    }
}
