namespace Bilan.Domain.Bilans;

/// <summary>
/// Figures the provider may set (DOMAIN.md marks them "policy"), in one place, shown to staff.
/// The defaults are those in force in 2026.
/// </summary>
public sealed record BilanPolicy
{
    /// <summary>The legal maximum of accompaniment per bilan (Code du travail L6313-4): not a setting.</summary>
    public const int MaximumHours = 24;

    /// <summary>Minimum hours of effective accompaniment (decree of 2026; policy, default 13).</summary>
    public int MinimumEffectiveHours { get; init; } = 13;

    /// <summary>
    /// A bilan during sick leave needs the treating doctor's written agreement (good practice, required by some
    /// funders; policy, default on).
    /// </summary>
    public bool RequireDoctorAgreementDuringSickLeave { get; init; } = true;

    /// <summary>The shortest and longest interview that may be planned, in minutes (policy).</summary>
    public int MinimumInterviewMinutes { get; init; } = 15;

    public int MaximumInterviewMinutes { get; init; } = 480;

    /// <summary>
    /// How long the documents kept after a bilan (synthesis sent to the CEP operator, documents kept with the
    /// beneficiary's written agreement) are kept after its end, in years (R6313-7: at most 3; policy, default 3).
    /// </summary>
    public int RetentionYears { get; init; } = 3;

    /// <summary>
    /// How long after the completion the follow-up interview (entretien de suivi, R6313-4 3°) is proposed, in months
    /// (market practice about 6 months; policy, default 6), adjustable per bilan with FollowUpService.UpdateFollowUp.
    /// </summary>
    public int FollowUpDelayMonths { get; init; } = 6;
}
