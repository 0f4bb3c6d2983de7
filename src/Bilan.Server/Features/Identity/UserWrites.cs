using Bilan.Server.Api;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// The statements that write a user. A duplicate e-mail address or consultant is found by the unique indexes
/// themselves, in the write, so that two concurrent requests cannot both pass a check and both insert.
/// </summary>
internal static class UserWrites
{
    /// <summary>The unique index on <c>lower(email)</c> (migration 0005).</summary>
    public const string EmailIndex = "users_email_unique";

    /// <summary>The unique constraint on <c>consultant_id</c> (migration 0005).</summary>
    public const string ConsultantIndex = "users_consultant_unique";

    private const string InsertSql = """
        INSERT INTO users (id, email, display_name, role, consultant_id, password_hash, disabled, failed_logins, locked_until,
                           version, create_time, update_time)
        VALUES (@Id, @Email, @DisplayName, @Role, @ConsultantId, @PasswordHash, @Disabled, 0, NULL, @Version, @CreateTime, @UpdateTime)
        """;

    private const string SetDisabledSql = """
        UPDATE users SET disabled = @Disabled, version = @Version, update_time = @UpdateTime
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    private const string SetPasswordSql = """
        UPDATE users
        SET password_hash = @PasswordHash, failed_logins = 0, locked_until = NULL, version = @Version, update_time = @UpdateTime
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    /// <summary>
    /// Inserts <paramref name="record"/> with its password hash, or ALREADY_EXISTS when its e-mail address or its
    /// consultant is another user's.
    /// </summary>
    public static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, UserRecord record, string passwordHash, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                record.Id,
                record.Email,
                record.DisplayName,
                Role = (short)record.Role,
                record.ConsultantId,
                PasswordHash = passwordHash,
                record.Disabled,
                record.Version,
                record.CreateTime,
                record.UpdateTime,
            }, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: EmailIndex })
        {
            // The transaction is now failed; the caller's rolls back as this propagates.
            throw new AlreadyExistsException(
                UserRecord.Collection,
                "user.email",
                "Another user, enabled or not, already has this e-mail address (compared case-insensitively).",
                "Un autre utilisateur, actif ou non, a déjà cette adresse e-mail.");
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: ConsultantIndex })
        {
            throw new AlreadyExistsException(
                UserRecord.Collection,
                "user.consultant",
                "This consultant already has a user: a consultant logs in with one user only.",
                "Ce consultant a déjà un compte utilisateur.");
        }
    }

    /// <summary>Writes <paramref name="record"/>'s <c>disabled</c> over the row still at <paramref name="expectedVersion"/>, or ABORTED.</summary>
    public static Task SetDisabledAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, UserRecord record, int expectedVersion, CancellationToken cancellationToken) =>
        UpdateAsync(connection, new CommandDefinition(SetDisabledSql, new
        {
            record.Id,
            record.Disabled,
            record.Version,
            record.UpdateTime,
            ExpectedVersion = expectedVersion,
        }, transaction, cancellationToken: cancellationToken), record.Name);

    /// <summary>
    /// Replaces the password hash of <paramref name="record"/>, still at <paramref name="expectedVersion"/> (or
    /// ABORTED), and lifts any lock: the failed-login count starts again.
    /// </summary>
    public static Task SetPasswordAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, UserRecord record, string passwordHash, int expectedVersion,
        CancellationToken cancellationToken) =>
        UpdateAsync(connection, new CommandDefinition(SetPasswordSql, new
        {
            record.Id,
            PasswordHash = passwordHash,
            record.Version,
            record.UpdateTime,
            ExpectedVersion = expectedVersion,
        }, transaction, cancellationToken: cancellationToken), record.Name);

    private static async Task UpdateAsync(NpgsqlConnection connection, CommandDefinition command, string name)
    {
        if (await connection.ExecuteAsync(command) == 0)
        {
            throw new StaleEtagException(name);
        }
    }
}
