using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Conventions;

public sealed partial class ConventionsService
{
    public override Task<Convention> SendConvention(SendConventionRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = SingletonName.Parse(request.Name, ConventionRecord.Segment, "name", checks);
        var sent = ProtoConversions.RequireDateOnly(request.SentDate, "sent_date", checks);
        var received = ProtoConversions.RequireDateOnly(request.ReceivedDate, "received_date", checks);
        CheckNotFuture(sent, "sent_date", checks);
        CheckNotFuture(received, "received_date", checks);
        if (sent != DateOnly.MinValue && received != DateOnly.MinValue && received < sent)
        {
            checks.Add("received_date", "BEFORE_SENT", "The employee cannot receive the convention before it was sent.",
                "Le salarié ne peut pas recevoir la convention avant son envoi.");
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return ChangeAsync(nameof(SendConvention), bilanId, request.Etag, request.RequestId, request, context, BilanEventType.ConventionSent,
            (current, _) =>
            {
                if (current.EmployeeSignedDate is not null || current.EmployeeRefusedDate is not null)
                {
                    throw new RuleViolationException("CONVENTION_EMPLOYEE_ANSWERED",
                        "The employee already answered: the convention's sending can no longer change.",
                        "Le salarié a déjà répondu : la remise de la convention ne peut plus être modifiée.");
                }

                var deadline = TripartiteConvention.SignatureDeadline(received);
                return (current with { SentDate = sent, ReceivedDate = received },
                    new() { ["received_date"] = Domain.FrenchCalendar.Iso(received), ["employee_signature_deadline"] = Domain.FrenchCalendar.Iso(deadline) });
            });
    }
}
