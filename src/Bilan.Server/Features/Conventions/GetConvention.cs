using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Grpc.Core;

namespace Bilan.Server.Features.Conventions;

public sealed partial class ConventionsService
{
    public override async Task<Convention> GetConvention(GetConventionRequest request, ServerCallContext context)
    {
        var bilanId = SingletonName.Parse(request.Name, ConventionRecord.Segment, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var convention = await ConventionStore.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken)
            ?? throw new ResourceNotFoundException(SingletonName.Format(bilanId, ConventionRecord.Segment), FrenchNotFound);
        return convention.ToProto(Today);
    }
}
