using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Bilans.Conditions;

public sealed class TransitionConditionsTests
{
    // A bilan about which nothing is known: no consultant, no interview, no situation, no consent.
    private static readonly BilanFacts Nothing = new(new DateOnly(2026, 5, 4), false, [], [], new BilanPolicy());

    // What each transition needs, seen from the conditions it reports when nothing is there.
    [Theory]
    [InlineData(BilanState.Requested, BilanTransition.Start, "CONSULTANT_REQUIRED,BILAN_CONSENT_REQUIRED")]
    [InlineData(BilanState.Preliminary, BilanTransition.StartInvestigation, "")]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "HELD_INVESTIGATION_INTERVIEW_REQUIRED")]
    [InlineData(BilanState.Conclusion, BilanTransition.Complete, "HELD_CONCLUSION_INTERVIEW_REQUIRED,MINIMUM_HELD_HOURS,SYNTHESIS_DELIVERED_REQUIRED")]
    [InlineData(BilanState.Completed, BilanTransition.StartFollowUp, "")]
    [InlineData(BilanState.Completed, BilanTransition.Close, "FOLLOW_UP_NOT_CONCLUDED")]
    [InlineData(BilanState.FollowUp, BilanTransition.Close, "FOLLOW_UP_NOT_CONCLUDED")]
    [InlineData(BilanState.Preliminary, BilanTransition.Abandon, "")]
    [InlineData(BilanState.Requested, BilanTransition.Cancel, "")]
    public void All_EachTransitionWithNothingKnown_ItsConditionsReported(BilanState state, BilanTransition transition, string conditions)
    {
        var exception = Record.Exception(() => new BilanLifecycle(TransitionConditions.All).Apply(state, transition, Nothing));

        if (conditions.Length == 0)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal(conditions, rule.Metadata["conditions"]);
        Assert.Equal(conditions, string.Join(",", rule.Failures.Select(f => f.Type)));
    }
}
