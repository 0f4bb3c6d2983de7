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
    public override Task<Interview> CancelInterview(CancelInterviewRequest request, ServerCallContext context) =>
        ChangeAsync(nameof(CancelInterview), request.Name, request.Etag, request.RequestId, request, context, new FieldChecks(),
            (_, _, _, current, _) =>
            {
                InterviewRules.EnsureScheduled(current.Interview);
                var cancelled = current with { Interview = current.Interview with { Status = InterviewStatus.Cancelled } };
                return Task.FromResult(new InterviewChange(cancelled, BilanEventType.InterviewCancelled,
                    new Dictionary<string, string> { ["interview"] = current.Name }));
            });
}
