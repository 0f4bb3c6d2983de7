using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;

namespace Bilan.Domain.Bilans;

/// <summary>
/// A phase is over only once it had a held interview: investigation before the conclusion, and the conclusion,
/// held in individual interviews (R6313-4 3°), before completion.
/// </summary>
public sealed class HeldInterviewCondition(BilanTransition closedTransition, InterviewPhase phase) : ITransitionCondition
{
    public bool AppliesTo(BilanTransition transition) => transition == closedTransition;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        if (!facts.Interviews.Any(i => i.Phase == phase && i.Status == InterviewStatus.Held))
        {
            var (code, english, french) = phase == InterviewPhase.Investigation
                ? ("INVESTIGATION", "investigation", "d'investigation")
                : ("CONCLUSION", "conclusion", "de conclusion");
            yield return new ConditionFailure($"HELD_{code}_INTERVIEW_REQUIRED", "interviews",
                $"No {english} interview has been held yet.",
                $"Aucun entretien {french} n'a encore été réalisé.");
        }
    }
}
