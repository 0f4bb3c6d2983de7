using Bilan.Domain.Funding;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Funding;

/// <summary>What the lifecycle asks about a bilan's funding lines: who pays each and where it stands (R6313-8).</summary>
internal static class FundingLines
{
    // Served by the index fundings_by_bilan (bilan_id first); a bilan has a handful of lines.
    private const string OfBilanSql = "SELECT funder_type AS FunderType, status AS Status FROM fundings WHERE bilan_id = @BilanId";

    /// <summary>Every funding line of the bilan, refused ones included (the conditions decide what counts).</summary>
    public static async Task<IReadOnlyList<FundingLineFacts>> OfBilanAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken)
    {
        var lines = await connection.QueryAsync<(short FunderType, short Status)>(new CommandDefinition(
            OfBilanSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken));
        return lines.Select(line => new FundingLineFacts((FunderType)line.FunderType, (FundingStatus)line.Status)).ToList();
    }
}
