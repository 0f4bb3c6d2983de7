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
    public override Task<FundingResource> MarkFundingPaid(MarkFundingPaidRequest request, ServerCallContext context)
    {
        var name = ParseName(request.Name, "name");
        var checks = new FieldChecks();
        var paid = DateOrToday(request.PaidDate, "paid_date", checks);
        checks.LimitLength("reference", request.Reference.Trim(), FundingRules.MaxReferenceLength, "La référence");
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return ChangeAsync(nameof(MarkFundingPaid), request.RequestId, request, name, request.Etag, BilanEventType.FundingPaid,
            current =>
            {
                var moved = FundingDecisions.Move(current, FundingStatus.Paid);
                FundingDecisions.EnsureNotBefore(paid, current.DecideDate ?? current.RequestedDate, "paid_date", "decision", "de la décision");
                return moved with
                {
                    PaidDate = paid,
                    Reference = string.IsNullOrWhiteSpace(request.Reference) ? current.Reference : request.Reference.Trim(),
                };
            },
            (_, updated) =>
            {
                var attributes = updated.EventAttributes();
                attributes["paid_date"] = Domain.FrenchCalendar.Iso(paid);
                return attributes;
            },
            context);
    }
}
