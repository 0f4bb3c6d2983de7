using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans.Conditions;

public sealed class HeldInterviewConditionTests
{
    private const string InvestigationRequired = "HELD_INVESTIGATION_INTERVIEW_REQUIRED";
    private const string ConclusionRequired = "HELD_CONCLUSION_INTERVIEW_REQUIRED";

    // The 13 hours are held in the preliminary phase, so that CompleteBilan only depends on the conclusion interview.
    private const string ThirteenHoursHeld = "Preliminary Held 780";

    [Theory]
    [InlineData(BilanTransition.StartConclusion, InterviewPhase.Investigation, BilanTransition.StartConclusion, true)]
    [InlineData(BilanTransition.StartConclusion, InterviewPhase.Investigation, BilanTransition.Complete, false)]
    [InlineData(BilanTransition.StartConclusion, InterviewPhase.Investigation, BilanTransition.Start, false)]
    [InlineData(BilanTransition.Complete, InterviewPhase.Conclusion, BilanTransition.Complete, true)]
    [InlineData(BilanTransition.Complete, InterviewPhase.Conclusion, BilanTransition.StartConclusion, false)]
    [InlineData(BilanTransition.Complete, InterviewPhase.Conclusion, BilanTransition.Close, false)]
    public void AppliesTo_Transition_OnlyTheOneItCloses(
        BilanTransition closed, InterviewPhase phase, BilanTransition candidate, bool applies) =>
        Assert.Equal(applies, new HeldInterviewCondition(closed, phase).AppliesTo(candidate));

    [Theory]
    // StartConclusion: a held investigation interview, and nothing else, ends the investigation.
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Investigation Held 90", null)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Investigation Held 90/15", null)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Investigation Missed 90; Investigation Held 60", null)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "", InvestigationRequired)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Investigation Scheduled 90", InvestigationRequired)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Investigation Missed 90", InvestigationRequired)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Investigation Cancelled 90", InvestigationRequired)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Investigation Missed 90/90; Investigation Cancelled 60/60", InvestigationRequired)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Preliminary Held 120", InvestigationRequired)]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion, "Conclusion Held 120", InvestigationRequired)]
    // CompleteBilan: a held conclusion interview (the hours are there).
    [InlineData(BilanState.Conclusion, BilanTransition.Complete, ThirteenHoursHeld + "; Conclusion Held 60", null)]
    [InlineData(BilanState.Conclusion, BilanTransition.Complete, ThirteenHoursHeld, ConclusionRequired)]
    [InlineData(BilanState.Conclusion, BilanTransition.Complete, ThirteenHoursHeld + "; Conclusion Scheduled 60", ConclusionRequired)]
    [InlineData(BilanState.Conclusion, BilanTransition.Complete, ThirteenHoursHeld + "; Conclusion Missed 60", ConclusionRequired)]
    [InlineData(BilanState.Conclusion, BilanTransition.Complete, ThirteenHoursHeld + "; Conclusion Cancelled 60", ConclusionRequired)]
    [InlineData(BilanState.Conclusion, BilanTransition.Complete, ThirteenHoursHeld + "; Investigation Held 60", ConclusionRequired)]
    public void Apply_InterviewsOfThePhase_OnlyAHeldOneCounts(BilanState state, BilanTransition transition, string interviews, string? expectedType)
    {
        var facts = new BilanFacts(new DateOnly(2026, 5, 4), true, TestInterviews.Parse(interviews), [], new BilanPolicy()) { SynthesisDelivered = true };

        var exception = Record.Exception(() => BilanLifecycle.Default.Apply(state, transition, facts));

        if (expectedType is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal((expectedType, "interviews"), (failure.Type, failure.Subject));
        Assert.Equal(expectedType, rule.Metadata["conditions"]);
        Assert.Equal(BilanLifecycle.MethodName(transition), rule.Metadata["transition"]);
    }

    [Theory]
    [InlineData(BilanState.Investigation, BilanTransition.StartConclusion,
        "StartConclusion refused: No investigation interview has been held yet.",
        "Action impossible : Aucun entretien d'investigation n'a encore été réalisé.")]
    [InlineData(BilanState.Conclusion, BilanTransition.Complete,
        "CompleteBilan refused: No conclusion interview has been held yet.",
        "Action impossible : Aucun entretien de conclusion n'a encore été réalisé.")]
    public void Apply_NoHeldInterviewOfThePhase_MessagesNameThePhase(BilanState state, BilanTransition transition, string english, string french)
    {
        var facts = new BilanFacts(new DateOnly(2026, 5, 4), true, TestInterviews.Parse(ThirteenHoursHeld), [], new BilanPolicy()) { SynthesisDelivered = true };

        var rule = Assert.Throws<RuleViolationException>(() => BilanLifecycle.Default.Apply(state, transition, facts));

        Assert.Equal(english, rule.Message);
        Assert.Equal(french, rule.FrenchMessage);
    }
}
