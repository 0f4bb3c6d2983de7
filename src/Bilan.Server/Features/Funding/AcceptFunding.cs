using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using FundingResource = Bilan.Contracts.V1.Funding;
using FundingStatus = Bilan.Domain.Funding.FundingStatus;

namespace Bilan.Server.Features.Funding;

public sealed partial class FundingsService
{
    public override Task<FundingResource> AcceptFunding(AcceptFundingRequest request, ServerCallContext context)
    {
        var name = ParseName(request.Name, "name");
        var checks = new FieldChecks();
        var decided = DateOrToday(request.DecideDate, "decide_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return ChangeAsync(nameof(AcceptFunding), request.RequestId, request, name, request.Etag, BilanEventType.FundingAccepted,
            current =>
            {
                var moved = FundingDecisions.Move(current, FundingStatus.Accepted);
                FundingDecisions.EnsureNotBefore(decided, current.RequestedDate, "decide_date", "request", "de la demande");
                return moved with { DecideDate = decided };
            },
            (_, updated) => updated.EventAttributes(),
            context);
    }
}
