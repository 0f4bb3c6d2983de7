using Bilan.Domain.Funding;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Funding;

/// <summary>
/// Who pays each funding line of a bilan and where it stands: what the lifecycle asks (the convention, R6313-8) and
/// what a funding write asks of the bilan's other lines (co-funding of a CPF line).
/// </summary>
internal static class FundingLines
{
    // Served by the index fundings_by_bilan (bilan_id first); a bilan has a handful of lines.
    private const string OfBilanSql = "SELECT funder_type AS FunderType, status AS Status FROM fundings WHERE bilan_id = @BilanId AND id <> @Except";

    /// <summary>Every funding line of the bilan but <paramref name="except"/>, refused ones included (the callers decide what counts).</summary>
    public static async Task<IReadOnlyList<FundingLineFacts>> OfBilanAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken, Guid? except = null)
    {
        var lines = await connection.QueryAsync<(short FunderType, short Status)>(new CommandDefinition(
            OfBilanSql, new { BilanId = bilanId, Except = except ?? Guid.Empty }, transaction, cancellationToken: cancellationToken));
        return lines.Select(line => new FundingLineFacts((FunderType)line.FunderType, (FundingStatus)line.Status)).ToList();
    }
}
