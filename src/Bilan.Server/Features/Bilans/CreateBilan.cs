using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Auth;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    public override Task<BilanResource> CreateBilan(CreateBilanRequest request, ServerCallContext context)
    {
        if (request.Bilan is null)
        {
            throw new InvalidFieldsException([new FieldViolation("bilan", "REQUIRED", "Required.", "Le bilan est obligatoire.")]);
        }

        var beneficiaryIsValid = ResourceName.TryParseId(request.Bilan.Beneficiary, BeneficiaryRecord.Collection, out var beneficiaryId);
        var plan = BilanMapping.ToPlan(
            request.Bilan,
            BilanMapping.Empty,
            BilanMapping.UpdatableFields.ToHashSet(),
            policy,
            beneficiaryIsValid ? [] : [ResourceName.Violation(request.Bilan.Beneficiary, BeneficiaryRecord.Collection, "bilan.beneficiary")]);

        return requests.ExecuteAsync(nameof(CreateBilan), request.RequestId, request, async (connection, transaction) =>
        {
            var beneficiary = await BeneficiariesService.FindAsync(connection, transaction, beneficiaryId, forUpdate: false, context.CancellationToken);
            await BeneficiaryAccess.EnsureVisibleAsync(context.Caller(), beneficiary, connection, transaction, context.CancellationToken);
            BilanRules.EnsureFitsBeneficiary(plan, beneficiary.Details.PublicCategory);
            var now = clock.Now();
            var record = new BilanRecord(Guid.CreateVersion7(now), beneficiaryId, BilanState.Requested, plan, null, 1, now, now,
                OrganizationId: beneficiary.OrganizationId);
            await BilanWrites.InsertAsync(connection, transaction, record, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, record.Id, BilanEventType.Created, Actor.Of(context), now,
                record.State, record.State, null, context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken);
    }
}
