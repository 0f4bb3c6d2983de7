using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Data;
using Grpc.Core;

namespace Bilan.Server.Features.Organizations;

public sealed partial class OrganizationsService
{
    public override Task<Organization> CreateOrganization(CreateOrganizationRequest request, ServerCallContext context)
    {
        if (request.Organization is null)
        {
            throw new InvalidFieldsException([new FieldViolation("organization", "REQUIRED", "Required.", "L'organisation est obligatoire.")]);
        }

        var details = OrganizationMapping.ToDetails(request.Organization, OrganizationMapping.Empty, OrganizationMapping.CreateFields);
        return requests.ExecuteAsync(nameof(CreateOrganization), request.RequestId, request, async (connection, transaction) =>
        {
            var now = clock.Now();
            var record = new OrganizationRecord(Guid.CreateVersion7(now), details, Version: 1, now, now);
            await OrganizationWrites.InsertAsync(connection, transaction, record, context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken);
    }
}
