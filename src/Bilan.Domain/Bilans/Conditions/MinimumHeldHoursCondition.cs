using System.Globalization;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>A bilan completes after the minimum of effective accompaniment (policy, 13 hours by default).</summary>
public sealed class MinimumHeldHoursCondition : ITransitionCondition
{
    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Complete;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        var required = facts.Policy.MinimumEffectiveHours * 60;
        if (facts.HeldMinutes < required)
        {
            var held = (facts.HeldMinutes / 60m).ToString("0.##", CultureInfo.InvariantCulture);
            yield return new ConditionFailure("MINIMUM_HELD_HOURS", "interviews",
                $"{held} hours held; at least {facts.Policy.MinimumEffectiveHours} hours of effective accompaniment are required (provider policy).",
                $"{held} h réalisées ; il faut au moins {facts.Policy.MinimumEffectiveHours} h d'accompagnement effectif.");
        }
    }
}
