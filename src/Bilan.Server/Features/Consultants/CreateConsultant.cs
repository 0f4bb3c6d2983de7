using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Data;
using Grpc.Core;

namespace Bilan.Server.Features.Consultants;

public sealed partial class ConsultantsService
{
    public override Task<Consultant> CreateConsultant(CreateConsultantRequest request, ServerCallContext context)
    {
        if (request.Consultant is null)
        {
            throw new InvalidFieldsException([new FieldViolation("consultant", "REQUIRED", "Required.", "Le consultant est obligatoire.")]);
        }

        var details = ConsultantMapping.ToDetails(request.Consultant, ConsultantMapping.New, ConsultantMapping.CreateFields);
        return requests.ExecuteAsync(nameof(CreateConsultant), request.RequestId, request, async (connection, transaction) =>
        {
            var now = clock.Now();
            var record = new ConsultantRecord(Guid.CreateVersion7(now), details, Version: 1, now, now);
            await ConsultantWrites.InsertAsync(connection, transaction, record, context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken);
    }
}
