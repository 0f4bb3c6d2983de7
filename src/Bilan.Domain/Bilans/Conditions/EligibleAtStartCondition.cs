using Bilan.Domain.Eligibility;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>A bilan cannot start while a situation that forbids it is current (see <see cref="EligibilityRules"/>).</summary>
public sealed class EligibleAtStartCondition : ITransitionCondition
{
    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Start;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts) =>
        EligibilityRules.Check(facts.Situations, facts.Today, facts.Today, facts.Policy).Reasons
            .Where(reason => reason.Blocking)
            .Select(reason => new ConditionFailure(reason.Rule, $"situations[{reason.SituationIndex}]", reason.Description, reason.FrenchDescription));
}
