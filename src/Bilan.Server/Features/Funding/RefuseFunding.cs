using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using FundingResource = Bilan.Contracts.V1.Funding;
using FundingStatus = Bilan.Domain.Funding.FundingStatus;

namespace Bilan.Server.Features.Funding;

public sealed partial class FundingsService
{
    public override Task<FundingResource> RefuseFunding(RefuseFundingRequest request, ServerCallContext context)
    {
        var name = ParseName(request.Name, "name");
        var checks = new FieldChecks();
        checks.RequireText("reason", request.Reason, FundingLifecycle.MaxReasonLength, "Le motif du refus");
        var decided = DateOrToday(request.DecideDate, "decide_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return ChangeAsync(nameof(RefuseFunding), request.RequestId, request, name, request.Etag, BilanEventType.FundingRefused,
            current =>
            {
                var moved = FundingDecisions.Move(current, FundingStatus.Refused);
                FundingDecisions.EnsureNotBefore(decided, current.RequestedDate, "decide_date", "request", "de la demande");
                return moved with { DecideDate = decided, RefusalReason = request.Reason.Trim() };
            },
            (_, updated) => updated.EventAttributes(),
            context);
    }
}
