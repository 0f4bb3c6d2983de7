using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Dapper;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    private const string DeleteSql = "DELETE FROM bilans WHERE id = @Id AND version = @ExpectedVersion";

    public override Task<Empty> DeleteBilan(DeleteBilanRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, BilanRecord.Collection, "name");
        return requests.ExecuteAsync(nameof(DeleteBilan), request.RequestId, request, async (connection, transaction) =>
        {
            var current = context.Caller().EnsureMayChange(await FindAsync(connection, transaction, id, forUpdate: true, context.CancellationToken));
            Etag.EnsureCurrent(request.Etag, current.Version, current.Name);
            BilanRules.EnsureDeletable(current.State);
            var deleted = await connection.ExecuteAsync(new CommandDefinition(
                DeleteSql, new { Id = id, ExpectedVersion = current.Version }, transaction, cancellationToken: context.CancellationToken));
            return deleted == 1 ? new Empty() : throw new StaleEtagException(current.Name);
        }, context.CancellationToken);
    }
}
