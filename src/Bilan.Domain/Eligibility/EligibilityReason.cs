using Bilan.Domain.Beneficiaries;

namespace Bilan.Domain.Eligibility;

/// <summary>
/// Why a situation period matters for a planned period: <see cref="Rule"/> a stable code, <see cref="Blocking"/>
/// when it forbids the bilan, the period itself, and the explanation in English and in French.
/// </summary>
public sealed record EligibilityReason(
    string Rule,
    bool Blocking,
    int SituationIndex,
    SituationKind Kind,
    DateOnly Start,
    DateOnly? End,
    string Description,
    string FrenchDescription);

/// <summary>The verdict on a planned period: eligible unless a reason blocks it; every reason is listed.</summary>
public sealed record EligibilityVerdict(IReadOnlyList<EligibilityReason> Reasons)
{
    public bool Eligible => !Reasons.Any(reason => reason.Blocking);
}
