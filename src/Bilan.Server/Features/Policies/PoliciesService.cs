using Bilan.Contracts.V1;
using Bilan.Domain.Alerts;
using Bilan.Domain.Bilans;
using Bilan.Domain.Quality;
using Bilan.Domain.Retention;
using Grpc.Core;

namespace Bilan.Server.Features.Policies;

/// <summary>
/// bilan.v1.PolicyService: the policy values in force (DOMAIN.md "policy"), as bound from the configuration
/// (<c>Bilan:Policy</c>, <c>Bilan:Quality</c>, <c>Bilan:Alerts</c>). The dated CPF values are FundingService.GetCpfPolicy's.
/// </summary>
public sealed class PoliciesService(BilanPolicy bilan, QualityPolicy quality, AlertPolicy alerts) : PolicyService.PolicyServiceBase
{
    /// <summary>The singleton resource name.</summary>
    public const string Name = "policy";

    public override Task<Policy> GetPolicy(GetPolicyRequest request, ServerCallContext context) => Task.FromResult(new Policy
    {
        Name = Name,
        MinimumEffectiveHours = bilan.MinimumEffectiveHours,
        MaximumHours = BilanPolicy.MaximumHours,
        RequireDoctorAgreementDuringSickLeave = bilan.RequireDoctorAgreementDuringSickLeave,
        MinimumInterviewMinutes = bilan.MinimumInterviewMinutes,
        MaximumInterviewMinutes = bilan.MaximumInterviewMinutes,
        // R6313-7: never more than 3 years, whatever the setting says (RetentionRules clamps it the same way).
        RetentionYears = Math.Clamp(bilan.RetentionYears, 0, RetentionRules.MaximumYears),
        FollowUpDelayMonths = bilan.FollowUpDelayMonths,
        ComplaintAcknowledgeWithinDays = quality.AcknowledgeWithinDays,
        ComplaintAnswerWithinDays = quality.AnswerWithinDays,
        AlertUpcomingWindowDays = alerts.UpcomingWindowDays,
        AlertPlannedHoursThreshold = alerts.PlannedHoursThreshold,
        AlertIdleDays = alerts.IdleDays,
    });
}
