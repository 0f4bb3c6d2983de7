using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Consents;

/// <summary>
/// bilan.v1.ConsentService: the beneficiary's consent to the bilan (L6313-4) and their agreements to disclose the
/// synthesis to third parties. Each RPC lives in its own file beside this one.
/// </summary>
public sealed partial class ConsentsService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock)
    : ConsentService.ConsentServiceBase
{
    private const string FindConsentSql = $"SELECT {BilanConsentRecord.Columns} FROM bilan_consents WHERE bilan_id = @BilanId";

    private const string FindDisclosureSql = $"""
        SELECT {DisclosureConsentRecord.Columns} FROM disclosure_consents WHERE id = @Id AND bilan_id = @BilanId
        """;

    private const string FrenchConsentNotFound = "Aucun consentement n'est enregistré pour ce bilan.";

    private static Task<BilanConsentRecord?> FindConsentAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<BilanConsentRecord>(new CommandDefinition(
            FindConsentSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken));

    private static async Task<DisclosureConsentRecord> FindDisclosureAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var record = await connection.QuerySingleOrDefaultAsync<DisclosureConsentRecord>(new CommandDefinition(
            forUpdate ? FindDisclosureSql + " FOR UPDATE" : FindDisclosureSql, new { Id = id, BilanId = bilanId }, transaction,
            cancellationToken: cancellationToken));
        return record ?? throw new ResourceNotFoundException(DisclosureConsentRecord.Format(bilanId, id), "Ce consentement n'existe pas.");
    }

    /// <summary>Refuses a consent date after today in Paris.</summary>
    private void CheckNotFuture(DateOnly date, string field, FieldChecks checks)
    {
        if (date != DateOnly.MinValue && date > Domain.FrenchCalendar.DateOf(clock.GetUtcNow()))
        {
            checks.Add(field, "DATE_IN_FUTURE", "The consent date cannot be in the future (Paris calendar).",
                "La date du consentement ne peut pas être dans le futur.");
        }
    }

    /// <summary>Reads <c>bilans/{bilan}/disclosureConsents/{id}</c>, or names the bad field.</summary>
    private static (Guid BilanId, Guid Id) ParseDisclosureName(string name, string field) =>
        ResourceName.ParseChild(name, BilanRecord.Collection, DisclosureConsentRecord.Segment, field);
}
