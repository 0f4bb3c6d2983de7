using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans.Conditions;

public sealed class ConsultantAssignedConditionTests
{
    private static readonly BilanFacts NoConsultant = new(new DateOnly(2026, 5, 4), false, [], [], new BilanPolicy()) { ConsentRecorded = true };

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
        Assert.Equal(applies, new ConsultantAssignedCondition().AppliesTo(transition));

    [Fact]
    public void StartBilan_NoConsultant_ConsultantRequired()
    {
        var rule = Assert.Throws<RuleViolationException>(() =>
            BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, NoConsultant));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal(("CONSULTANT_REQUIRED", "consultant"), (failure.Type, failure.Subject));
        Assert.Contains("AssignConsultant", failure.Description, StringComparison.Ordinal);
        Assert.Contains("Aucun consultant", failure.FrenchDescription, StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["state"] = "STATE_REQUESTED",
                ["transition"] = "StartBilan",
                ["conditions"] = "CONSULTANT_REQUIRED",
            },
            rule.Metadata);
        Assert.Equal("StartBilan refused: No consultant is assigned: assign one with AssignConsultant first.", rule.Message);
        Assert.Equal("Action impossible : Aucun consultant n'est affecté au bilan : affectez-en un d'abord.", rule.FrenchMessage);
    }

    [Fact]
    public void StartBilan_ConsultantAssigned_Starts() =>
        Assert.Equal(BilanState.Preliminary,
            BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, NoConsultant with { HasConsultant = true }));

    [Theory]
    [InlineData(true, "")]
    [InlineData(false, "CONSULTANT_REQUIRED")]
    public void Check_WithOrWithoutConsultant_FailsOnlyWithout(bool hasConsultant, string expected) =>
        Assert.Equal(expected, string.Join(",", new ConsultantAssignedCondition()
            .Check(NoConsultant with { HasConsultant = hasConsultant, Interviews = TestInterviews.Parse("Preliminary Held 60") })
            .Select(f => f.Type)));
}
