using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Grpc.Core;

namespace Bilan.Server.Features.Consents;

public sealed partial class ConsentsService
{
    public override async Task<BilanConsent> GetBilanConsent(GetBilanConsentRequest request, ServerCallContext context)
    {
        var bilanId = ResourceName.ParseId(request.Name, BilanRecord.Collection, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var bilan = context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var consent = await FindConsentAsync(connection, null, bilanId, context.CancellationToken)
            ?? throw new ResourceNotFoundException($"{bilan.Name}/consent", FrenchConsentNotFound);
        return consent.ToProto();
    }
}
