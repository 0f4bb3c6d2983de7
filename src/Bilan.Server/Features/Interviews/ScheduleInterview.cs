using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Auth;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using Interview = Bilan.Contracts.V1.Interview;
using InterviewMode = Bilan.Domain.Interviews.InterviewMode;
using InterviewPhase = Bilan.Domain.Interviews.InterviewPhase;
using InterviewStatus = Bilan.Domain.Interviews.InterviewStatus;

namespace Bilan.Server.Features.Interviews;

public sealed partial class InterviewsService
{
    public override Task<Interview> ScheduleInterview(ScheduleInterviewRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        if (!ResourceName.TryParseId(request.Parent, BilanRecord.Collection, out var bilanId))
        {
            checks.AddRange([ResourceName.Violation(request.Parent, BilanRecord.Collection, "parent")]);
        }

        var slot = request.Interview ?? new Interview();
        var phase = (InterviewPhase)slot.Phase;
        var mode = (InterviewMode)slot.Mode;
        if (slot.StartTime is null)
        {
            checks.Add("interview.start_time", "REQUIRED", "Required.", "La date et l'heure de l'entretien sont obligatoires.");
        }

        checks.AddRange(InterviewRules.ValidateSlot(phase, mode, slot.DurationMinutes, policy).Select(v => v.Under("interview")));
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(ScheduleInterview), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
            if (bilan.ConsultantId is not { } consultantId)
            {
                throw new RuleViolationException("INTERVIEW_NEEDS_CONSULTANT",
                    "The bilan has no consultant: assign one before scheduling interviews.",
                    "Ce bilan n'a pas de consultant : affectez-en un avant de planifier des entretiens.");
            }

            var beneficiary = await BeneficiariesService.FindAsync(connection, transaction, bilan.BeneficiaryId, forUpdate: false, context.CancellationToken);
            var others = await InterviewStore.OfBilanAsync(connection, transaction, bilanId, context.CancellationToken);
            var start = DatabaseTime.Truncate(slot.StartTime!.ToDateTimeOffset());
            InterviewRules.EnsureCanPlan(bilan.State, phase, start, slot.DurationMinutes,
                others.Select(o => o.Interview).ToList(), beneficiary.Details.Situations, policy);

            var now = clock.Now();
            var record = new InterviewRecord(
                new Domain.Interviews.Interview(Guid.CreateVersion7(now), phase, start, slot.DurationMinutes, mode, InterviewStatus.Scheduled, null),
                bilanId, bilan.BeneficiaryId, consultantId, 1, now, now);
            await InterviewStore.EnsureSlotFreeAsync(connection, transaction, record, context.CancellationToken);
            await InterviewStore.InsertAsync(connection, transaction, record, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.InterviewScheduled, Actor.Of(context), now,
                bilan.State, bilan.State, record.SlotAttributes(), context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken);
    }
}
