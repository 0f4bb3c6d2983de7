namespace Bilan.Domain.Bilans;

/// <summary>The conditions of the lifecycle: add a new rule here, not in the state machine.</summary>
public static class TransitionConditions
{
    public static IReadOnlyList<ITransitionCondition> All { get; } =
    [
        new ConsultantAssignedCondition(),
        new EligibleAtStartCondition(),
        new BilanConsentCondition(),
        new HeldInterviewCondition(BilanTransition.StartConclusion, Interviews.InterviewPhase.Investigation),
        new HeldInterviewCondition(BilanTransition.Complete, Interviews.InterviewPhase.Conclusion),
        new MinimumHeldHoursCondition(),
        new SynthesisDeliveredCondition(),
        new TripartiteConventionSignedCondition(),
        new WorkingTimeAuthorisationCondition(),
        new FollowUpConcludedCondition(),
    ];
}
