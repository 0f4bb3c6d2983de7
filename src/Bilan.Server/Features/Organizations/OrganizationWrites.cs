using Bilan.Server.Api;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Organizations;

/// <summary>
/// The statements that write an organization. A duplicate SIRET is found by the unique constraint itself, in
/// the write, so that two concurrent requests cannot both pass a check and both insert.
/// </summary>
internal static class OrganizationWrites
{
    /// <summary>The unique constraint on <c>siret</c> (migration 0004).</summary>
    public const string SiretConstraint = "organizations_siret_unique";

    private const string InsertSql = """
        INSERT INTO organizations (id, display_name, siret, version, create_time, update_time)
        VALUES (@Id, @DisplayName, @Siret, @Version, @CreateTime, @UpdateTime)
        """;

    private const string UpdateSql = """
        UPDATE organizations
        SET display_name = @DisplayName, siret = @Siret, version = @Version, update_time = @UpdateTime
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    /// <summary>Inserts <paramref name="record"/>, or ALREADY_EXISTS when its SIRET is taken.</summary>
    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganizationRecord record, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, new CommandDefinition(InsertSql, Parameters(record, expectedVersion: 0), transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Writes <paramref name="record"/> over the row still at <paramref name="expectedVersion"/>, or ABORTED;
    /// ALREADY_EXISTS when its new SIRET is another organization's.
    /// </summary>
    public static async Task UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OrganizationRecord record, int expectedVersion, CancellationToken cancellationToken)
    {
        var updated = await ExecuteAsync(connection, new CommandDefinition(
            UpdateSql, Parameters(record, expectedVersion), transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw new StaleEtagException(record.Name);
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, CommandDefinition command)
    {
        try
        {
            return await connection.ExecuteAsync(command);
        }
        catch (PostgresException exception) when (exception is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: SiretConstraint })
        {
            // The transaction is now failed; the caller's rolls back as this propagates.
            throw new AlreadyExistsException(
                OrganizationRecord.Collection,
                "organization.siret",
                "Another organization already has this SIRET.",
                "Une autre organisation a déjà ce numéro SIRET.");
        }
    }

    private static object Parameters(OrganizationRecord record, int expectedVersion) => new
    {
        record.Id,
        record.Details.DisplayName,
        record.Details.Siret,
        record.Version,
        record.CreateTime,
        record.UpdateTime,
        ExpectedVersion = expectedVersion,
    };
}
