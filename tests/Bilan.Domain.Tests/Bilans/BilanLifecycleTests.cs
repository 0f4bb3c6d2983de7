using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans;

public sealed class BilanLifecycleTests
{
    // The state machine as DOMAIN.md and the issue describe it, written here rather than read from the lifecycle:
    // REQUESTED -> PRELIMINARY -> INVESTIGATION -> CONCLUSION -> COMPLETED -> FOLLOW_UP -> CLOSED (also from
    // COMPLETED); AbandonBilan from every started non-final state; CancelBilan from REQUESTED only.
    private static readonly Dictionary<(BilanState From, BilanTransition Transition), BilanState> ExpectedTargets = new()
    {
        [(BilanState.Requested, BilanTransition.Start)] = BilanState.Preliminary,
        [(BilanState.Requested, BilanTransition.Cancel)] = BilanState.Cancelled,
        [(BilanState.Preliminary, BilanTransition.StartInvestigation)] = BilanState.Investigation,
        [(BilanState.Preliminary, BilanTransition.Abandon)] = BilanState.Abandoned,
        [(BilanState.Investigation, BilanTransition.StartConclusion)] = BilanState.Conclusion,
        [(BilanState.Investigation, BilanTransition.Abandon)] = BilanState.Abandoned,
        [(BilanState.Conclusion, BilanTransition.Complete)] = BilanState.Completed,
        [(BilanState.Conclusion, BilanTransition.Abandon)] = BilanState.Abandoned,
        [(BilanState.Completed, BilanTransition.StartFollowUp)] = BilanState.FollowUp,
        [(BilanState.Completed, BilanTransition.Close)] = BilanState.Closed,
        [(BilanState.Completed, BilanTransition.Abandon)] = BilanState.Abandoned,
        [(BilanState.FollowUp, BilanTransition.Close)] = BilanState.Closed,
        [(BilanState.FollowUp, BilanTransition.Abandon)] = BilanState.Abandoned,
    };

    // What an integrator reads in allowed_transitions, in the order of the transitions.
    private static readonly Dictionary<BilanState, string> ExpectedAllowed = new()
    {
        [BilanState.Requested] = "StartBilan,CancelBilan",
        [BilanState.Preliminary] = "StartInvestigation,AbandonBilan",
        [BilanState.Investigation] = "StartConclusion,AbandonBilan",
        [BilanState.Conclusion] = "CompleteBilan,AbandonBilan",
        [BilanState.Completed] = "StartFollowUp,CloseBilan,AbandonBilan",
        [BilanState.FollowUp] = "CloseBilan,AbandonBilan",
        [BilanState.Closed] = "",
        [BilanState.Abandoned] = "",
        [BilanState.Cancelled] = "",
    };

    private static readonly Dictionary<BilanState, string> ApiStateNames = new()
    {
        [BilanState.Requested] = "STATE_REQUESTED",
        [BilanState.Preliminary] = "STATE_PRELIMINARY",
        [BilanState.Investigation] = "STATE_INVESTIGATION",
        [BilanState.Conclusion] = "STATE_CONCLUSION",
        [BilanState.Completed] = "STATE_COMPLETED",
        [BilanState.FollowUp] = "STATE_FOLLOW_UP",
        [BilanState.Closed] = "STATE_CLOSED",
        [BilanState.Abandoned] = "STATE_ABANDONED",
        [BilanState.Cancelled] = "STATE_CANCELLED",
    };

    private static readonly Dictionary<BilanTransition, string> MethodNames = new()
    {
        [BilanTransition.Start] = "StartBilan",
        [BilanTransition.StartInvestigation] = "StartInvestigation",
        [BilanTransition.StartConclusion] = "StartConclusion",
        [BilanTransition.Complete] = "CompleteBilan",
        [BilanTransition.StartFollowUp] = "StartFollowUp",
        [BilanTransition.Close] = "CloseBilan",
        [BilanTransition.Abandon] = "AbandonBilan",
        [BilanTransition.Cancel] = "CancelBilan",
    };

    private static readonly DateOnly Today = new(2026, 5, 4);

    // A consultant, the beneficiary's consent, no situation, a held investigation and a held conclusion making the 13
    // hours, the synthesis delivered, the follow-up declined: every condition holds.
    private static readonly BilanFacts SatisfyingFacts = new(
        Today,
        HasConsultant: true,
        [TestInterviews.Held(InterviewPhase.Investigation, 390), TestInterviews.Held(InterviewPhase.Conclusion, 390)],
        [],
        new BilanPolicy())
    {
        ConsentRecorded = true,
        SynthesisDelivered = true,
        FollowUpDeclinedOn = Today,
    };

    // No consultant, a current maternity leave, no interview, no consent: every condition fails.
    private static readonly BilanFacts FailingFacts = new(
        Today,
        HasConsultant: false,
        [],
        TestInterviews.Situations("MaternityLeave 2026-04-01..2026-07-31"),
        new BilanPolicy());

    public static TheoryData<BilanState, BilanTransition> EveryStateAndTransition()
    {
        var data = new TheoryData<BilanState, BilanTransition>();
        foreach (var state in ApiStateNames.Keys)
        {
            foreach (var transition in MethodNames.Keys)
            {
                data.Add(state, transition);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndTransition))]
    public void Apply_EveryStateAndTransition_TargetStateOrIllegalTransition(BilanState state, BilanTransition transition)
    {
        var result = BilanState.Unspecified;
        var exception = Record.Exception(() => result = BilanLifecycle.Default.Apply(state, transition, SatisfyingFacts));

        if (ExpectedTargets.TryGetValue((state, transition), out var target))
        {
            Assert.Null(exception);
            Assert.Equal(target, result);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("ILLEGAL_TRANSITION", rule.Reason);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["state"] = ApiStateNames[state],
                ["transition"] = MethodNames[transition],
                ["allowed_transitions"] = ExpectedAllowed[state],
            },
            rule.Metadata);
        Assert.Empty(rule.Failures);
        var allowedText = ExpectedAllowed[state].Length == 0 ? "nothing (the bilan is over)" : ExpectedAllowed[state].Replace(",", ", ", StringComparison.Ordinal);
        Assert.Equal(
            $"{MethodNames[transition]} is not possible in state {ApiStateNames[state]}; allowed now: {allowedText}.",
            rule.Message);
        Assert.Equal($"Cette action n'est pas possible : le bilan est à l'état « {FrenchNames.Of(state)} ».", rule.FrenchMessage);
    }

    [Theory]
    [InlineData(BilanState.Closed)]
    [InlineData(BilanState.Abandoned)]
    [InlineData(BilanState.Cancelled)]
    public void AllowedFrom_FinalState_Empty(BilanState state) => Assert.Empty(BilanLifecycle.AllowedFrom(state));

    [Theory]
    [InlineData(BilanState.Requested)]
    [InlineData(BilanState.Preliminary)]
    [InlineData(BilanState.Investigation)]
    [InlineData(BilanState.Conclusion)]
    [InlineData(BilanState.Completed)]
    [InlineData(BilanState.FollowUp)]
    [InlineData(BilanState.Closed)]
    [InlineData(BilanState.Abandoned)]
    [InlineData(BilanState.Cancelled)]
    public void AllowedFrom_EveryState_TransitionsOfTheExpectedTable(BilanState state) =>
        Assert.Equal(ExpectedAllowed[state], string.Join(",", BilanLifecycle.AllowedFrom(state).Select(BilanLifecycle.MethodName)));

    [Theory]
    [InlineData(BilanTransition.Start, BilanState.Preliminary)]
    [InlineData(BilanTransition.StartInvestigation, BilanState.Investigation)]
    [InlineData(BilanTransition.StartConclusion, BilanState.Conclusion)]
    [InlineData(BilanTransition.Complete, BilanState.Completed)]
    [InlineData(BilanTransition.StartFollowUp, BilanState.FollowUp)]
    [InlineData(BilanTransition.Close, BilanState.Closed)]
    [InlineData(BilanTransition.Abandon, BilanState.Abandoned)]
    [InlineData(BilanTransition.Cancel, BilanState.Cancelled)]
    public void TargetOf_EveryTransition_StateItLeadsTo(BilanTransition transition, BilanState target) =>
        Assert.Equal(target, BilanLifecycle.TargetOf(transition));

    [Theory]
    [InlineData(BilanTransition.Start, "StartBilan")]
    [InlineData(BilanTransition.StartInvestigation, "StartInvestigation")]
    [InlineData(BilanTransition.StartConclusion, "StartConclusion")]
    [InlineData(BilanTransition.Complete, "CompleteBilan")]
    [InlineData(BilanTransition.StartFollowUp, "StartFollowUp")]
    [InlineData(BilanTransition.Close, "CloseBilan")]
    [InlineData(BilanTransition.Abandon, "AbandonBilan")]
    [InlineData(BilanTransition.Cancel, "CancelBilan")]
    public void MethodName_EveryTransition_ApiMethod(BilanTransition transition, string method) =>
        Assert.Equal(method, BilanLifecycle.MethodName(transition));

    [Fact]
    public void Apply_UnspecifiedState_IllegalTransitionWithNothingAllowed()
    {
        var rule = Assert.Throws<RuleViolationException>(() =>
            BilanLifecycle.Default.Apply(BilanState.Unspecified, BilanTransition.Start, SatisfyingFacts));

        Assert.Equal("ILLEGAL_TRANSITION", rule.Reason);
        Assert.Equal("STATE_UNSPECIFIED", rule.Metadata["state"]);
        Assert.Equal("", rule.Metadata["allowed_transitions"]);
    }

    // An illegal transition is reported as such, even when its conditions would fail too.
    [Theory]
    [InlineData(BilanState.Preliminary, BilanTransition.Start)]
    [InlineData(BilanState.Preliminary, BilanTransition.StartConclusion)]
    [InlineData(BilanState.Investigation, BilanTransition.Complete)]
    [InlineData(BilanState.Closed, BilanTransition.Complete)]
    public void Apply_IllegalTransitionWithFailingConditions_IllegalTransitionWithoutFailures(BilanState state, BilanTransition transition)
    {
        var rule = Assert.Throws<RuleViolationException>(() => BilanLifecycle.Default.Apply(state, transition, FailingFacts));

        Assert.Equal("ILLEGAL_TRANSITION", rule.Reason);
        Assert.Empty(rule.Failures);
    }

    // Stopping a bilan never depends on the conditions of going forward. (Closing does: the follow-up interview must
    // be held or declined first, see FollowUpConcludedConditionTests.)
    [Theory]
    [InlineData(BilanState.Requested, BilanTransition.Cancel, BilanState.Cancelled)]
    [InlineData(BilanState.Preliminary, BilanTransition.Abandon, BilanState.Abandoned)]
    [InlineData(BilanState.Investigation, BilanTransition.Abandon, BilanState.Abandoned)]
    [InlineData(BilanState.Conclusion, BilanTransition.Abandon, BilanState.Abandoned)]
    [InlineData(BilanState.Completed, BilanTransition.Abandon, BilanState.Abandoned)]
    [InlineData(BilanState.FollowUp, BilanTransition.Abandon, BilanState.Abandoned)]
    public void Apply_StopWithFailingFacts_StillAllowed(BilanState state, BilanTransition transition, BilanState target) =>
        Assert.Equal(target, BilanLifecycle.Default.Apply(state, transition, FailingFacts));

    [Fact]
    public void Apply_StartWithSeveralFailures_EveryFailureListedInOrder()
    {
        var facts = FailingFacts with
        {
            Situations = TestInterviews.Situations(
                "MaternityLeave 2026-04-01..2026-07-31; CarerLeave 2026-05-01..; SickLeave 2026-05-04..2026-05-04; ParentalLeave 2026-01-01..2026-12-31"),
        };

        var rule = Assert.Throws<RuleViolationException>(() => BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, facts));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        Assert.Equal(
            [
                ("CONSULTANT_REQUIRED", "consultant"),
                ("SITUATION_FORBIDS_BILAN", "situations[0]"),
                ("SITUATION_FORBIDS_BILAN", "situations[1]"),
                ("SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT", "situations[2]"),
                ("BILAN_CONSENT_REQUIRED", "consent"),
            ],
            rule.Failures.Select(f => (f.Type, f.Subject)));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["state"] = "STATE_REQUESTED",
                ["transition"] = "StartBilan",
                ["conditions"] = "CONSULTANT_REQUIRED,SITUATION_FORBIDS_BILAN,SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT,BILAN_CONSENT_REQUIRED",
            },
            rule.Metadata);
        Assert.StartsWith("StartBilan refused: ", rule.Message, StringComparison.Ordinal);
        Assert.StartsWith("Action impossible : ", rule.FrenchMessage, StringComparison.Ordinal);
        foreach (var failure in rule.Failures)
        {
            Assert.Contains(failure.Description, rule.Message, StringComparison.Ordinal);
            Assert.Contains(failure.FrenchDescription, rule.FrenchMessage, StringComparison.Ordinal);
        }

        Assert.Contains("congé maternité (du 01/04/2026 au 31/07/2026)", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains("congé de proche aidant (depuis le 01/05/2026, sans date de fin)", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("congé parental", rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_CompleteWithNothingHeldNorDelivered_ConclusionHoursAndSynthesisListed()
    {
        var rule = Assert.Throws<RuleViolationException>(() =>
            BilanLifecycle.Default.Apply(BilanState.Conclusion, BilanTransition.Complete, FailingFacts));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        Assert.Equal("HELD_CONCLUSION_INTERVIEW_REQUIRED,MINIMUM_HELD_HOURS,SYNTHESIS_DELIVERED_REQUIRED", rule.Metadata["conditions"]);
        Assert.Equal("STATE_CONCLUSION", rule.Metadata["state"]);
        Assert.Equal("CompleteBilan", rule.Metadata["transition"]);
        Assert.Equal(["interviews", "interviews", "synthesis"], rule.Failures.Select(f => f.Subject));
    }

    // Other modules join their conditions to the lifecycle (consent, convention, ...): they are checked with the rest.
    [Fact]
    public void Apply_AddedCondition_ListedAfterTheOthers()
    {
        var lifecycle = new BilanLifecycle([.. TransitionConditions.All, new AlwaysFails(BilanTransition.Start)]);

        var rule = Assert.Throws<RuleViolationException>(() =>
            lifecycle.Apply(BilanState.Requested, BilanTransition.Start, SatisfyingFacts with { HasConsultant = false }));

        Assert.Equal(
            [("CONSULTANT_REQUIRED", "consultant"), ("CONSENT_REQUIRED", "consent")],
            rule.Failures.Select(f => (f.Type, f.Subject)));
        Assert.Contains("Le consentement n'est pas recueilli.", rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AddedConditionForAnotherTransition_NotChecked()
    {
        var lifecycle = new BilanLifecycle([.. TransitionConditions.All, new AlwaysFails(BilanTransition.Close)]);

        Assert.Equal(BilanState.Preliminary, lifecycle.Apply(BilanState.Requested, BilanTransition.Start, SatisfyingFacts));
    }

    [Fact]
    public void Apply_LifecycleWithoutConditions_StartsWithoutConsultant() =>
        Assert.Equal(BilanState.Preliminary, new BilanLifecycle([]).Apply(BilanState.Requested, BilanTransition.Start, FailingFacts));

    private sealed class AlwaysFails(BilanTransition transition) : ITransitionCondition
    {
        public bool AppliesTo(BilanTransition candidate) => candidate == transition;

        public IEnumerable<ConditionFailure> Check(BilanFacts facts) =>
            [new ConditionFailure("CONSENT_REQUIRED", "consent", "No consent recorded.", "Le consentement n'est pas recueilli.")];
    }
}
