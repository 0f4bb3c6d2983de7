using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Auth;
using Grpc.Core;

namespace Bilan.Server.Features.Beneficiaries;

public sealed partial class BeneficiariesService
{
    public override Task<Beneficiary> UpdateBeneficiary(UpdateBeneficiaryRequest request, ServerCallContext context)
    {
        if (request.Beneficiary is null)
        {
            throw new InvalidFieldsException([new FieldViolation("beneficiary", "REQUIRED", "Required.", "Le bénéficiaire est obligatoire.")]);
        }

        var id = ResourceName.ParseId(request.Beneficiary.Name, BeneficiaryRecord.Collection, "beneficiary.name");
        var paths = UpdateMask.Resolve(request.UpdateMask, request.Beneficiary, BeneficiaryMapping.UpdatableFields);
        var caller = context.Caller();
        OrganizationScope.EnsureMayChange(caller, paths);
        return requests.ExecuteAsync(nameof(UpdateBeneficiary), request.RequestId, request, async (connection, transaction) =>
        {
            var current = await FindAsync(connection, transaction, id, forUpdate: true, context.CancellationToken);
            await BeneficiaryAccess.EnsureVisibleAsync(caller, current, connection, transaction, context.CancellationToken);
            Etag.EnsureCurrent(request.Beneficiary.Etag, current.Version, current.Name);
            var details = BeneficiaryMapping.ToDetails(request.Beneficiary, current.Details, paths);
            var organization = paths.Contains("organization")
                ? await OrganizationScope.ResolveAsync(caller, request.Beneficiary.Organization, "beneficiary.organization", connection, transaction, context.CancellationToken)
                : current.OrganizationId;
            var updated = current with { Details = details, Version = current.Version + 1, UpdateTime = clock.Now(), OrganizationId = organization };
            await BeneficiaryWrites.UpdateAsync(connection, transaction, updated, current.Version, paths.Contains("situations"), context.CancellationToken);
            return updated.ToProto();
        }, context.CancellationToken);
    }
}
