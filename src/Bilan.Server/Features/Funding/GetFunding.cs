using Bilan.Contracts.V1;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Grpc.Core;
using FundingResource = Bilan.Contracts.V1.Funding;

namespace Bilan.Server.Features.Funding;

public sealed partial class FundingsService
{
    public override async Task<FundingResource> GetFunding(GetFundingRequest request, ServerCallContext context)
    {
        var (bilanId, id) = ParseName(request.Name, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var bilan = context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var record = await FindAsync(connection, null, bilanId, id, forUpdate: false, context.CancellationToken);
        return record.ToProto(await ContextAsync(connection, null, bilan, id, context.CancellationToken), policy, Today());
    }
}
