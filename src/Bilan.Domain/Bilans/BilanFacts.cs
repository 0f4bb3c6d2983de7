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
    public int HeldMinutes => Interviews.Where(i => i.Status == InterviewStatus.Held).Sum(i => i.HeldMinutes ?? 0);
}
