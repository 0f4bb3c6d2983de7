using Bilan.Domain.Funding;
using Bilan.Server.Features.Bilans;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Funding;

/// <summary>What the CPF rules need from the database: the bilan's other CPF lines and the beneficiary's earlier fundings.</summary>
internal static class CpfChecks
{
    // Lines not refused, of the beneficiary's other bilans that were not cancelled before starting (state 9).
    private const string PriorSql = """
        SELECT b.id AS BilanId, f.funder_type AS FunderType, f.requested_date AS RequestedDate
        FROM fundings f JOIN bilans b ON b.id = f.bilan_id
        WHERE b.beneficiary_id = @BeneficiaryId AND b.id <> @BilanId AND f.status <> 3 AND b.state <> 9
        """;

    private const string OtherCpfSql = """
        SELECT COALESCE(SUM(amount_cents), 0) FROM fundings
        WHERE bilan_id = @BilanId AND funder_type = 1 AND status <> 3 AND id <> @Except
        """;

    /// <summary>
    /// Throws the first CPF rule a line of <paramref name="amountCents"/> for <paramref name="fundedHours"/> breaks; the
    /// cap applies to the bilan's CPF lines together (not refused), this one included.
    /// </summary>
    public static async Task EnsureFundableAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BilanRecord bilan, Guid lineId, long amountCents, int fundedHours,
        CpfTerms terms, CancellationToken cancellationToken)
    {
        var otherCpf = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            OtherCpfSql, new { BilanId = bilan.Id, Except = lineId }, transaction, cancellationToken: cancellationToken));
        var priors = (await connection.QueryAsync<(Guid BilanId, short FunderType, DateOnly RequestedDate)>(new CommandDefinition(
                PriorSql, new { bilan.BeneficiaryId, BilanId = bilan.Id }, transaction, cancellationToken: cancellationToken)))
            .Select(prior => new PriorFunding(Api.ResourceName.Format(BilanRecord.Collection, prior.BilanId), (FunderType)prior.FunderType, prior.RequestedDate));
        CpfRules.EnsureFundable(otherCpf + amountCents, fundedHours, bilan.Plan.PlannedHours, terms, priors);
    }
}
