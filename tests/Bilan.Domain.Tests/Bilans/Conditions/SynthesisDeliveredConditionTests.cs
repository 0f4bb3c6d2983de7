using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans.Conditions;

public sealed class SynthesisDeliveredConditionTests
{
    // Everything CompleteBilan needs but the synthesis: a held conclusion interview and 13 hours.
    private static readonly BilanFacts ReadyButNotDelivered = new(new DateOnly(2026, 5, 4), true,
        [TestInterviews.Held(InterviewPhase.Investigation, 480), TestInterviews.Held(InterviewPhase.Conclusion, 300)], [], new BilanPolicy())
    {
        ConsentRecorded = true,
    };

    [Theory]
    [InlineData(BilanTransition.Start, false)]
    [InlineData(BilanTransition.StartInvestigation, false)]
    [InlineData(BilanTransition.StartConclusion, false)]
    [InlineData(BilanTransition.Complete, true)]
    [InlineData(BilanTransition.StartFollowUp, false)]
    [InlineData(BilanTransition.Close, false)]
    [InlineData(BilanTransition.Abandon, false)]
    [InlineData(BilanTransition.Cancel, false)]
    public void AppliesTo_EveryTransition_OnlyCompleteBilan(BilanTransition transition, bool applies) =>
        Assert.Equal(applies, new SynthesisDeliveredCondition().AppliesTo(transition));

    [Fact]
    public void Apply_CompleteWithoutDeliveredSynthesis_SynthesisDeliveredRequired()
    {
        var rule = Assert.Throws<RuleViolationException>(() =>
            BilanLifecycle.Default.Apply(BilanState.Conclusion, BilanTransition.Complete, ReadyButNotDelivered));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal(("SYNTHESIS_DELIVERED_REQUIRED", "synthesis"), (failure.Type, failure.Subject));
        Assert.Contains("synthèse", rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_CompleteWithDeliveredSynthesis_Completed() =>
        Assert.Equal(BilanState.Completed,
            BilanLifecycle.Default.Apply(BilanState.Conclusion, BilanTransition.Complete, ReadyButNotDelivered with { SynthesisDelivered = true }));
}
