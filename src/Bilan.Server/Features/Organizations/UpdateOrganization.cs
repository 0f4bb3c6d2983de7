using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Grpc.Core;

namespace Bilan.Server.Features.Organizations;

public sealed partial class OrganizationsService
{
    public override Task<Organization> UpdateOrganization(UpdateOrganizationRequest request, ServerCallContext context)
    {
        if (request.Organization is null)
        {
            throw new InvalidFieldsException([new FieldViolation("organization", "REQUIRED", "Required.", "L'organisation est obligatoire.")]);
        }

        var id = ResourceName.ParseId(request.Organization.Name, OrganizationRecord.Collection, "organization.name");
        var paths = UpdateMask.Resolve(request.UpdateMask, request.Organization, OrganizationMapping.UpdatableFields);
        return requests.ExecuteAsync(nameof(UpdateOrganization), request.RequestId, request, async (connection, transaction) =>
        {
            var current = await FindAsync(connection, transaction, id, forUpdate: true, context.CancellationToken);
            Etag.EnsureCurrent(request.Organization.Etag, current.Version, current.Name);
            var details = OrganizationMapping.ToDetails(request.Organization, current.Details, paths);
            var updated = current with { Details = details, Version = current.Version + 1, UpdateTime = clock.Now() };
            await OrganizationWrites.UpdateAsync(connection, transaction, updated, current.Version, context.CancellationToken);
            return updated.ToProto();
        }, context.CancellationToken);
    }
}
