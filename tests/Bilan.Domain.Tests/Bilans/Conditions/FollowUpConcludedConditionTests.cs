using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans.Conditions;

public sealed class FollowUpConcludedConditionTests
{
    private static readonly BilanFacts Completed = new(new DateOnly(2026, 11, 4), true, TestInterviews.Parse("Conclusion Held 240"), [], new BilanPolicy());

    [Theory]
    [InlineData(BilanTransition.Close, true)]
    [InlineData(BilanTransition.StartFollowUp, false)]
    [InlineData(BilanTransition.Abandon, false)]
    [InlineData(BilanTransition.Start, false)]
    public void AppliesTo_EveryTransition_OnlyCloseBilan(BilanTransition transition, bool applies) =>
        Assert.Equal(applies, new FollowUpConcludedCondition().AppliesTo(transition));

    [Theory]
    [InlineData(BilanState.Completed, "", false, false)]
    [InlineData(BilanState.Completed, "", true, true)]
    [InlineData(BilanState.FollowUp, "FollowUp Scheduled 60", false, false)]
    [InlineData(BilanState.FollowUp, "FollowUp Missed 60", false, false)]
    [InlineData(BilanState.FollowUp, "FollowUp Cancelled 60", true, true)]
    [InlineData(BilanState.FollowUp, "FollowUp Held 60", false, true)]
    [InlineData(BilanState.FollowUp, "FollowUp Missed 60; FollowUp Held 45", false, true)]
    public void CloseBilan_FollowUp_ClosesOnceHeldOrDeclined(BilanState state, string followUps, bool declined, bool closes)
    {
        var facts = Completed with
        {
            Interviews = [.. Completed.Interviews, .. TestInterviews.Parse(followUps)],
            FollowUpDeclinedOn = declined ? new DateOnly(2026, 10, 20) : null,
        };

        var exception = Record.Exception(() => BilanLifecycle.Default.Apply(state, BilanTransition.Close, facts));

        if (closes)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal(("FOLLOW_UP_NOT_CONCLUDED", "follow_up"), (failure.Type, failure.Subject));
        Assert.Contains("DeclineFollowUp", failure.Description, StringComparison.Ordinal);
        Assert.Contains("L'entretien de suivi proposé à la fin du bilan (article R6313-4)", failure.FrenchDescription, StringComparison.Ordinal);
    }
}
