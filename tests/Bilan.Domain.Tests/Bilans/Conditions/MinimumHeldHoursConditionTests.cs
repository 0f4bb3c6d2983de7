using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans.Conditions;

public sealed class MinimumHeldHoursConditionTests
{
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
        Assert.Equal(applies, new MinimumHeldHoursCondition().AppliesTo(transition));

    // Every row has a held conclusion interview. Expected: null when the bilan completes, or the held hours the
    // messages state.
    [Theory]
    // Default policy: 13 hours, that is 780 minutes.
    [InlineData(13, "Conclusion Held 390; Investigation Held 390", null)]
    [InlineData(13, "Conclusion Held 390; Investigation Held 391", null)]
    [InlineData(13, "Conclusion Held 389; Investigation Held 390", "12.98")]
    [InlineData(13, "Conclusion Held 60", "1")]
    [InlineData(13, "Conclusion Held 120/90; Investigation Held 600/690", null)]
    // Planned minutes of held interviews do not count, held ones do.
    [InlineData(13, "Conclusion Held 480/90; Investigation Held 480/600", "11.5")]
    // Scheduled, missed and cancelled interviews do not count, whatever minutes they carry.
    [InlineData(13, "Conclusion Held 60; Investigation Held 600; Investigation Scheduled 480", "11")]
    [InlineData(13, "Conclusion Held 60; Investigation Held 600; Investigation Missed 120/120", "11")]
    [InlineData(13, "Conclusion Held 60; Investigation Held 600; Investigation Cancelled 120/120", "11")]
    [InlineData(13, "Conclusion Held 60; Investigation Held 480/-", "1")]
    // A provider policy of 10 hours.
    [InlineData(10, "Conclusion Held 300; Investigation Held 300", null)]
    [InlineData(10, "Conclusion Held 300; Investigation Held 299", "9.98")]
    public void CompleteBilan_HeldMinutes_CompletesFromThePolicyMinimum(int minimumHours, string interviews, string? heldHours)
    {
        var facts = new BilanFacts(new DateOnly(2026, 5, 4), true, TestInterviews.Parse(interviews), [],
            new BilanPolicy { MinimumEffectiveHours = minimumHours }) { SynthesisDelivered = true };

        var result = BilanState.Unspecified;
        var exception = Record.Exception(() => result = BilanLifecycle.Default.Apply(BilanState.Conclusion, BilanTransition.Complete, facts));

        if (heldHours is null)
        {
            Assert.Null(exception);
            Assert.Equal(BilanState.Completed, result);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        Assert.Equal("MINIMUM_HELD_HOURS", rule.Metadata["conditions"]);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal(("MINIMUM_HELD_HOURS", "interviews"), (failure.Type, failure.Subject));
        Assert.Equal(
            $"{heldHours} hours held; at least {minimumHours} hours of effective accompaniment are required (provider policy).",
            failure.Description);
        Assert.Equal($"{heldHours} h réalisées ; il faut au moins {minimumHours} h d'accompagnement effectif.", failure.FrenchDescription);
        Assert.Contains(failure.FrenchDescription, rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(779, 1)]
    [InlineData(780, 0)]
    public void Check_DefaultPolicyAroundThirteenHours_FailsBelow780Minutes(int heldMinutes, int failures) =>
        Assert.Equal(failures, new MinimumHeldHoursCondition()
            .Check(new BilanFacts(new DateOnly(2026, 5, 4), true, TestInterviews.Parse($"Investigation Held {heldMinutes}"), [], new BilanPolicy()))
            .Count());
}
