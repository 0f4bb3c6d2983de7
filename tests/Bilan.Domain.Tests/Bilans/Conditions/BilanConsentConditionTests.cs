using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Bilans.Conditions;

public sealed class BilanConsentConditionTests
{
    private static readonly BilanFacts NoConsent = new(new DateOnly(2026, 5, 4), true, [], [], new BilanPolicy());

    [Theory]
    [InlineData(BilanTransition.Start, true)]
    [InlineData(BilanTransition.StartInvestigation, false)]
    [InlineData(BilanTransition.StartConclusion, false)]
    [InlineData(BilanTransition.Complete, false)]
    [InlineData(BilanTransition.StartFollowUp, false)]
    [InlineData(BilanTransition.Close, false)]
    [InlineData(BilanTransition.Abandon, false)]
    [InlineData(BilanTransition.Cancel, false)]
    public void AppliesTo_EveryTransition_OnlyStartBilan(BilanTransition transition, bool applies) =>
        Assert.Equal(applies, new BilanConsentCondition().AppliesTo(transition));

    [Fact]
    public void StartBilan_NoConsent_RefusedCitingL6313_4()
    {
        var rule = Assert.Throws<RuleViolationException>(() =>
            BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, NoConsent));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal(("BILAN_CONSENT_REQUIRED", "consent"), (failure.Type, failure.Subject));
        Assert.Contains("L6313-4", failure.Description, StringComparison.Ordinal);
        Assert.Contains("L6313-4", failure.FrenchDescription, StringComparison.Ordinal);
        Assert.Equal("BILAN_CONSENT_REQUIRED", rule.Metadata["conditions"]);
    }

    [Fact]
    public void StartBilan_ConsentRecorded_Starts() =>
        Assert.Equal(BilanState.Preliminary,
            BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, NoConsent with { ConsentRecorded = true }));

    [Fact]
    public void TransitionConditions_All_IncludeTheConsent() =>
        Assert.Single(TransitionConditions.All.OfType<BilanConsentCondition>());
}
