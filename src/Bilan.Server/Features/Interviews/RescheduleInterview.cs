using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;
using Bilan.Server.Data;
using Bilan.Server.Features.Beneficiaries;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using Interview = Bilan.Contracts.V1.Interview;
using InterviewMode = Bilan.Domain.Interviews.InterviewMode;

namespace Bilan.Server.Features.Interviews;

public sealed partial class InterviewsService
{
    public override Task<Interview> RescheduleInterview(RescheduleInterviewRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        if (request.StartTime is null)
        {
            checks.Add("start_time", "REQUIRED", "Required.", "La nouvelle date et heure sont obligatoires.");
        }

        InterviewRules.CheckDuration(checks, "duration_minutes", request.DurationMinutes, policy);
        if (request.Mode != 0 && !Enum.IsDefined((InterviewMode)request.Mode))
        {
            checks.Add("mode", "UNKNOWN_VALUE", $"Unknown value {request.Mode}.", "La modalité : valeur inconnue.");
        }

        var start = request.StartTime is null ? default : DatabaseTime.Truncate(request.StartTime.ToDateTimeOffset());

        return ChangeAsync(nameof(RescheduleInterview), request.Name, request.Etag, request.RequestId, request, context, checks,
            async (connection, transaction, bilan, current, _) =>
            {
                InterviewRules.EnsureScheduled(current.Interview);
                var beneficiary = await BeneficiariesService.FindAsync(connection, transaction, bilan.BeneficiaryId, forUpdate: false, context.CancellationToken);
                var others = (await InterviewStore.OfBilanAsync(connection, transaction, bilan.Id, context.CancellationToken))
                    .Where(o => o.Interview.Id != current.Interview.Id)
                    .Select(o => o.Interview)
                    .ToList();
                InterviewRules.EnsureCanPlan(bilan.State, current.Interview.Phase, start, request.DurationMinutes, others, beneficiary.Details.Situations, policy);

                var moved = current with
                {
                    Interview = current.Interview with
                    {
                        Start = start,
                        PlannedMinutes = request.DurationMinutes,
                        Mode = request.Mode == 0 ? current.Interview.Mode : (InterviewMode)request.Mode,
                    },
                };
                await InterviewStore.EnsureSlotFreeAsync(connection, transaction, moved, context.CancellationToken);
                return new InterviewChange(moved, BilanEventType.InterviewRescheduled, moved.SlotAttributes());
            });
    }
}
