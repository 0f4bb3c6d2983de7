using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Consents;

/// <summary>What other areas ask about a bilan's disclosure consents: the synthesis read (may this organisation
/// read it?) and retention (was the synthesis sent to a CEP operator?).</summary>
public static class DisclosureConsents
{
    private const string ActiveForOrganizationSql = """
        SELECT id FROM disclosure_consents
        WHERE bilan_id = @BilanId AND organization_id = @OrganizationId AND revoke_time IS NULL
        ORDER BY create_time DESC, id
        LIMIT 1
        """;

    private const string SentToCepOperatorSql = """
        SELECT EXISTS (SELECT 1 FROM disclosure_consents WHERE bilan_id = @BilanId AND cep_operator IS NOT NULL)
        """;

    /// <summary>The id of an active (not revoked) disclosure consent of the bilan to the organisation, or null.</summary>
    public static Task<Guid?> ActiveForOrganizationAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, Guid organizationId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            ActiveForOrganizationSql, new { BilanId = bilanId, OrganizationId = organizationId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Whether the beneficiary agreed (now or in the past, even if revoked since) to send the synthesis to
    /// their CEP operator: the synthesis may then be kept up to 3 years (R6313-7).</summary>
    public static Task<bool> SentToCepOperatorAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            SentToCepOperatorSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken));
}
