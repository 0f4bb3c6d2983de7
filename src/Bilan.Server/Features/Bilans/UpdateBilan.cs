using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Auth;
using Dapper;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    private const string UpdateSql = """
        UPDATE bilans
        SET working_time = @WorkingTime, funding_source = @FundingSource, planned_hours = @PlannedHours,
            planned_start_date = @PlannedStartDate, planned_end_date = @PlannedEndDate,
            version = version + 1, update_time = @UpdateTime
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public override Task<BilanResource> UpdateBilan(UpdateBilanRequest request, ServerCallContext context)
    {
        if (request.Bilan is null)
        {
            throw new InvalidFieldsException([new FieldViolation("bilan", "REQUIRED", "Required.", "Le bilan est obligatoire.")]);
        }

        var id = ResourceName.ParseId(request.Bilan.Name, BilanRecord.Collection, "bilan.name");
        var paths = UpdateMask.Resolve(request.UpdateMask, request.Bilan, BilanMapping.UpdatableFields);
        return requests.ExecuteAsync(nameof(UpdateBilan), request.RequestId, request, async (connection, transaction) =>
        {
            var current = context.Caller().EnsureMayChange(await FindAsync(connection, transaction, id, forUpdate: true, context.CancellationToken));
            Etag.EnsureCurrent(request.Bilan.Etag, current.Version, current.Name);
            BilanRules.EnsureUpdatable(current.State);
            var plan = BilanMapping.ToPlan(request.Bilan, current.Plan, paths, policy);
            var beneficiary = await BeneficiariesService.FindAsync(connection, transaction, current.BeneficiaryId, forUpdate: false, context.CancellationToken);
            BilanRules.EnsureFitsBeneficiary(plan, beneficiary.Details.PublicCategory);

            var updated = current with { Plan = plan, Version = current.Version + 1, UpdateTime = clock.Now() };
            var written = await connection.ExecuteAsync(new CommandDefinition(UpdateSql, new
            {
                updated.Id,
                WorkingTime = (short)plan.WorkingTime,
                FundingSource = (short)plan.FundingSource,
                PlannedHours = (short)plan.PlannedHours,
                plan.PlannedStartDate,
                plan.PlannedEndDate,
                updated.UpdateTime,
                ExpectedVersion = current.Version,
            }, transaction, cancellationToken: context.CancellationToken));
            if (written == 0)
            {
                throw new StaleEtagException(current.Name);
            }

            await EventLog.AppendAsync(connection, transaction, updated.Id, BilanEventType.Updated, Actor.Of(context), updated.UpdateTime,
                updated.State, updated.State, new Dictionary<string, string> { ["fields"] = string.Join(",", paths.Order()) }, context.CancellationToken);
            return updated.ToProto();
        }, context.CancellationToken);
    }
}
