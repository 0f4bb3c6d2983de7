using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Data;
using Bilan.Server.Auth;
using Grpc.Core;

namespace Bilan.Server.Features.Beneficiaries;

public sealed partial class BeneficiariesService
{
    public override Task<Beneficiary> CreateBeneficiary(CreateBeneficiaryRequest request, ServerCallContext context)
    {
        if (request.Beneficiary is null)
        {
            throw new InvalidFieldsException([new FieldViolation("beneficiary", "REQUIRED", "Required.", "Le bénéficiaire est obligatoire.")]);
        }

        var details = BeneficiaryMapping.ToDetails(request.Beneficiary, BeneficiaryMapping.Empty, BeneficiaryMapping.UpdatableFields.ToHashSet());
        return requests.ExecuteAsync(nameof(CreateBeneficiary), request.RequestId, request, async (connection, transaction) =>
        {
            var organization = await OrganizationScope.ResolveAsync(
                context.Caller(), request.Beneficiary.Organization, "beneficiary.organization", connection, transaction, context.CancellationToken);
            var now = clock.Now();
            var record = new BeneficiaryRecord(Guid.CreateVersion7(now), details, Version: 1, now, now, organization);
            await BeneficiaryWrites.InsertAsync(connection, transaction, record, context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken);
    }
}
