using Bilan.Contracts.V1;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    public override Task WatchBilanEvents(
        WatchBilanEventsRequest request, IServerStreamWriter<WatchBilanEventsResponse> responseStream, ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetRequiredService<BilanEventStream>().RunAsync(request, responseStream, context);
}
