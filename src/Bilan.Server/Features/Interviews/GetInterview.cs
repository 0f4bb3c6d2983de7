using Bilan.Contracts.V1;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Grpc.Core;

namespace Bilan.Server.Features.Interviews;

public sealed partial class InterviewsService
{
    public override async Task<Interview> GetInterview(GetInterviewRequest request, ServerCallContext context)
    {
        var (bilanId, interviewId) = ParseName(request.Name, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        return (await InterviewStore.FindAsync(connection, null, bilanId, interviewId, context.CancellationToken)).ToProto();
    }
}
