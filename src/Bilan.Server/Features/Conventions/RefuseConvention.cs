using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Conventions;

public sealed partial class ConventionsService
{
    public override Task<Convention> RefuseConvention(RefuseConventionRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = SingletonName.Parse(request.Name, ConventionRecord.Segment, "name", checks);
        var date = ProtoConversions.RequireDateOnly(request.RefusedDate, "refused_date", checks);
        CheckNotFuture(date, "refused_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return ChangeAsync(nameof(RefuseConvention), bilanId, request.Etag, request.RequestId, request, context, BilanEventType.ConventionRefused,
            (current, _) =>
            {
                if (current.ReceivedDate is not { } received)
                {
                    throw new RuleViolationException("CONVENTION_NOT_SENT",
                        "The employee refuses the convention once received: record its sending with SendConvention first.",
                        "Le salarié refuse la convention après l'avoir reçue : enregistrez d'abord sa remise.");
                }

                if (current.EmployeeSignedDate is not null || current.EmployeeRefusedDate is not null)
                {
                    throw new RuleViolationException("CONVENTION_EMPLOYEE_ANSWERED",
                        "The employee already answered this convention.",
                        "Le salarié a déjà répondu à cette convention.");
                }

                if (date < received)
                {
                    throw new InvalidFieldsException([new FieldViolation("refused_date", "BEFORE_RECEIPT",
                        "The employee cannot refuse before receiving the convention.", "Le salarié ne peut pas refuser avant d'avoir reçu la convention.")]);
                }

                return (current with { EmployeeRefusedDate = date }, new() { ["refused_date"] = Domain.FrenchCalendar.Iso(date) });
            });
    }
}
