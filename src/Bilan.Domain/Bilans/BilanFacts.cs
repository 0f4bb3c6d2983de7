using Bilan.Domain.Beneficiaries;
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

    public int HeldMinutes => Interviews.Where(i => i.Status == InterviewStatus.Held).Sum(i => i.HeldMinutes ?? 0);
}
