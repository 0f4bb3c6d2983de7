using Bilan.Server.Api;
using Bilan.Server.Auth;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;
using GetBilanRequest = Bilan.Contracts.V1.GetBilanRequest;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    public override async Task<BilanResource> GetBilan(GetBilanRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, BilanRecord.Collection, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        return context.Caller().EnsureVisible(await FindAsync(connection, null, id, forUpdate: false, context.CancellationToken)).ToProto();
    }
}
