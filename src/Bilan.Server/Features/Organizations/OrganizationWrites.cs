using Bilan.Server.Api;
using Bilan.Server.Data;
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
        GuardedWrite.ExecuteAsync(connection, new CommandDefinition(InsertSql, Parameters(record, expectedVersion: 0), transaction, cancellationToken: cancellationToken),
            SiretConstraint, DuplicateSiret);

    /// <summary>
    /// Writes <paramref name="record"/> over the row still at <paramref name="expectedVersion"/>, or ABORTED;
    /// ALREADY_EXISTS when its new SIRET is another organization's.
    /// </summary>
    public static Task UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OrganizationRecord record, int expectedVersion, CancellationToken cancellationToken) =>
        GuardedWrite.UpdateAsync(connection, new CommandDefinition(UpdateSql, Parameters(record, expectedVersion), transaction, cancellationToken: cancellationToken),
            SiretConstraint, DuplicateSiret, record.Name);

    private static AlreadyExistsException DuplicateSiret() => new(
        OrganizationRecord.Collection,
        "organization.siret",
        "Another organization already has this SIRET.",
        "Une autre organisation a déjà ce numéro SIRET.");

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
