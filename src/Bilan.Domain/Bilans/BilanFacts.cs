using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Funding;
using Bilan.Domain.Interviews;

namespace Bilan.Domain.Bilans;

/// <summary>What the transition conditions read about a bilan, gathered once before a transition.</summary>
public sealed record BilanFacts(
    DateOnly Today,
    bool HasConsultant,
    IReadOnlyList<Interview> Interviews,
    IReadOnlyList<SituationPeriod> Situations,
    BilanPolicy Policy)
{
    /// <summary>The beneficiary's consent to the bilan is recorded (L6313-4).</summary>
    public bool ConsentRecorded { get; init; }

    /// <summary>The current version of the written synthesis has been handed to the beneficiary (R6313-4 3°).</summary>
    public bool SynthesisDelivered { get; init; }

    /// <summary>The bilan's funding source and working time, as planned (they decide which start conditions apply).</summary>
    public FundingSource FundingSource { get; init; }

    public WorkingTime WorkingTime { get; init; }

    /// <summary>The planned first day of the bilan, when known.</summary>
    public DateOnly? PlannedStartDate { get; init; }

    /// <summary>
    /// The bilan's funding lines, who pays each and where it stands: for a co-funded bilan they tell whether the
    /// employer's plan takes a part (R6313-8).
    /// </summary>
    public IReadOnlyList<FundingLineFacts> FundingLines { get; init; } = [];

    /// <summary>A tripartite convention (R6313-8) is drafted for the bilan.</summary>
    public bool ConventionDrafted { get; init; }

    /// <summary>The convention's receipt by the employee and its signatures: null until it was sent.</summary>
    public TripartiteConventionFacts? Convention { get; init; }

    /// <summary>The employee's request for the employer's authorisation (D6323-4): null when none was recorded.</summary>
    public CpfAuthorisationRequest? WorkingTimeAuthorisation { get; init; }

    /// <summary>The day the beneficiary declined the follow-up interview proposed at completion (R6313-4 3°), if so.</summary>
    public DateOnly? FollowUpDeclinedOn { get; init; }

    public int HeldMinutes => Interviews.Where(i => i.Status == InterviewStatus.Held).Sum(i => i.HeldMinutes ?? 0);
}
