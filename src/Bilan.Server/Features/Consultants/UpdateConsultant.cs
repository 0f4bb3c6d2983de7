using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Grpc.Core;

namespace Bilan.Server.Features.Consultants;

public sealed partial class ConsultantsService
{
    public override Task<Consultant> UpdateConsultant(UpdateConsultantRequest request, ServerCallContext context)
    {
        if (request.Consultant is null)
        {
            throw new InvalidFieldsException([new FieldViolation("consultant", "REQUIRED", "Required.", "Le consultant est obligatoire.")]);
        }

        var id = ResourceName.ParseId(request.Consultant.Name, ConsultantRecord.Collection, "consultant.name");
        var paths = UpdateMask.Resolve(request.UpdateMask, request.Consultant, ConsultantMapping.UpdatableFields);
        return requests.ExecuteAsync(nameof(UpdateConsultant), request.RequestId, request, async (connection, transaction) =>
        {
            var current = await FindAsync(connection, transaction, id, forUpdate: true, context.CancellationToken);
            Etag.EnsureCurrent(request.Consultant.Etag, current.Version, current.Name);
            var details = ConsultantMapping.ToDetails(request.Consultant, current.Details, paths);
            var updated = current with { Details = details, Version = current.Version + 1, UpdateTime = clock.Now() };
            await ConsultantWrites.UpdateAsync(connection, transaction, updated, current.Version, context.CancellationToken);
            return updated.ToProto();
        }, context.CancellationToken);
    }
}
