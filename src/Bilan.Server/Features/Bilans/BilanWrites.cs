using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Bilans;

/// <summary>The statement that stores a new bilan.</summary>
internal static class BilanWrites
{
    private const string InsertSql = """
        INSERT INTO bilans (id, beneficiary_id, state, working_time, funding_source, planned_hours,
                            planned_start_date, planned_end_date, consultant_id, version, create_time, update_time, abandon_reason, organization_id)
        VALUES (@Id, @BeneficiaryId, @State, @WorkingTime, @FundingSource, @PlannedHours,
                @PlannedStartDate, @PlannedEndDate, @ConsultantId, @Version, @CreateTime, @UpdateTime, @AbandonReason, @OrganizationId)
        """;

    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BilanRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            record.Id,
            record.BeneficiaryId,
            State = (short)record.State,
            WorkingTime = (short)record.Plan.WorkingTime,
            FundingSource = (short)record.Plan.FundingSource,
            PlannedHours = (short)record.Plan.PlannedHours,
            record.Plan.PlannedStartDate,
            record.Plan.PlannedEndDate,
            record.ConsultantId,
            record.Version,
            record.CreateTime,
            record.UpdateTime,
            record.OrganizationId,
            AbandonReason = record.AbandonReason == Domain.Bilans.AbandonReason.Unspecified ? (short?)null : (short)record.AbandonReason,
        }, transaction, cancellationToken: cancellationToken));
}
