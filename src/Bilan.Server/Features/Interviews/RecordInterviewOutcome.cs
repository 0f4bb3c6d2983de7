using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using Interview = Bilan.Contracts.V1.Interview;
using InterviewStatus = Bilan.Domain.Interviews.InterviewStatus;

namespace Bilan.Server.Features.Interviews;

public sealed partial class InterviewsService
{
    public override Task<Interview> RecordInterviewOutcome(RecordInterviewOutcomeRequest request, ServerCallContext context)
    {
        var outcome = (InterviewStatus)request.Outcome;
        var checks = new FieldChecks();
        if (outcome is not (InterviewStatus.Held or InterviewStatus.Missed))
        {
            checks.Add("outcome", "INVALID_OUTCOME", "Must be INTERVIEW_STATUS_HELD or INTERVIEW_STATUS_MISSED.",
                "L'issue doit être « réalisé » ou « non honoré ».");
        }
        else if (outcome == InterviewStatus.Held)
        {
            InterviewRules.CheckDuration(checks, "held_minutes", request.HeldMinutes, policy);
        }
        else if (request.HeldMinutes != 0)
        {
            checks.Add("held_minutes", "NOT_APPLICABLE", "Must be 0 for a missed interview.",
                "Un entretien non honoré n'a pas de durée réalisée.");
        }

        int? heldMinutes = outcome == InterviewStatus.Held ? request.HeldMinutes : null;

        return ChangeAsync(nameof(RecordInterviewOutcome), request.Name, request.Etag, request.RequestId, request, context, checks,
            async (connection, transaction, bilan, current, now) =>
            {
                var others = (await InterviewStore.OfBilanAsync(connection, transaction, bilan.Id, context.CancellationToken))
                    .Where(o => o.Interview.Id != current.Interview.Id)
                    .Select(o => o.Interview)
                    .ToList();
                InterviewRules.EnsureCanRecordOutcome(current.Interview, now, heldMinutes, others);
                var recorded = current with { Interview = current.Interview with { Status = outcome, HeldMinutes = heldMinutes } };
                var attributes = new Dictionary<string, string> { ["interview"] = current.Name };
                if (heldMinutes is { } minutes)
                {
                    attributes["held_minutes"] = minutes.ToString(CultureInfo.InvariantCulture);
                }

                return new InterviewChange(recorded,
                    outcome == InterviewStatus.Held ? BilanEventType.InterviewHeld : BilanEventType.InterviewMissed, attributes);
            });
    }
}
