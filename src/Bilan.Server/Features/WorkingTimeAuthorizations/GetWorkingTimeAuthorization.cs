using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Grpc.Core;

namespace Bilan.Server.Features.WorkingTimeAuthorizations;

public sealed partial class WorkingTimeAuthorizationsService
{
    public override async Task<WorkingTimeAuthorization> GetWorkingTimeAuthorization(GetWorkingTimeAuthorizationRequest request, ServerCallContext context)
    {
        var bilanId = SingletonName.Parse(request.Name, AuthorizationRecord.Segment, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var bilan = context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        return AuthorizationRecord.ToProto(bilan, await AuthorizationRecord.FindAsync(connection, null, bilanId, context.CancellationToken), Today);
    }
}
