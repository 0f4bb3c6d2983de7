using Bilan.Server.Api;
using Bilan.Server.Data;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Consultants;

/// <summary>
/// The statements that write a consultant. A duplicate e-mail address is found by the unique index itself,
/// in the write, so that two concurrent requests cannot both pass a check and both insert.
/// </summary>
internal static class ConsultantWrites
{
    /// <summary>The unique index on <c>lower(email)</c> (migration 0002).</summary>
    public const string EmailIndex = "consultants_email_unique";

    private const string InsertSql = """
        INSERT INTO consultants (id, display_name, email, active, version, create_time, update_time)
        VALUES (@Id, @DisplayName, @Email, @Active, @Version, @CreateTime, @UpdateTime)
        """;

    private const string UpdateSql = """
        UPDATE consultants
        SET display_name = @DisplayName, email = @Email, active = @Active, version = @Version, update_time = @UpdateTime
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    /// <summary>Inserts <paramref name="record"/>, or ALREADY_EXISTS when its e-mail address is taken.</summary>
    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ConsultantRecord record, CancellationToken cancellationToken) =>
        GuardedWrite.ExecuteAsync(connection, new CommandDefinition(InsertSql, Parameters(record, expectedVersion: 0), transaction, cancellationToken: cancellationToken),
            EmailIndex, DuplicateEmail);

    /// <summary>
    /// Writes <paramref name="record"/> over the row still at <paramref name="expectedVersion"/>, or ABORTED;
    /// ALREADY_EXISTS when its new e-mail address is another consultant's.
    /// </summary>
    public static Task UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ConsultantRecord record, int expectedVersion, CancellationToken cancellationToken) =>
        GuardedWrite.UpdateAsync(connection, new CommandDefinition(UpdateSql, Parameters(record, expectedVersion), transaction, cancellationToken: cancellationToken),
            EmailIndex, DuplicateEmail, record.Name);

    private static AlreadyExistsException DuplicateEmail() => new(
        ConsultantRecord.Collection,
        "consultant.email",
        "Another consultant, active or not, already has this e-mail address (compared case-insensitively).",
        "Un autre consultant, actif ou non, a déjà cette adresse e-mail.");

    private static object Parameters(ConsultantRecord record, int expectedVersion) => new
    {
        record.Id,
        record.Details.DisplayName,
        record.Details.Email,
        record.Details.Active,
        record.Version,
        record.CreateTime,
        record.UpdateTime,
        ExpectedVersion = expectedVersion,
    };
}
