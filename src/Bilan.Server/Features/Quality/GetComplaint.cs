using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Grpc.Core;

namespace Bilan.Server.Features.Quality;

public sealed partial class QualityManagementService
{
    public override async Task<Complaint> GetComplaint(GetComplaintRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, ComplaintRecord.Collection, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        return (await FindComplaintAsync(connection, null, id, forUpdate: false, context.CancellationToken)).ToProto();
    }
}
