using Bilan.Domain.Errors;
using Bilan.Domain.FollowUps;

namespace Bilan.Domain.Bilans;

/// <summary>
/// A bilan is closed once the follow-up interview proposed at completion (R6313-4 3°) was held, or the beneficiary
/// declined it (FollowUpService.DeclineFollowUp): the follow-up is a possibility offered to the beneficiary, and
/// closing earlier would drop it silently.
/// </summary>
public sealed class FollowUpConcludedCondition : ITransitionCondition
{
    public const string Type = "FOLLOW_UP_NOT_CONCLUDED";

    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Close;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (FollowUpRules.StateOf(facts.FollowUpDeclinedOn, facts.Interviews) is not (FollowUpState.Held or FollowUpState.Declined))
        {
            yield return new ConditionFailure(Type, "follow_up",
                "The follow-up interview proposed at completion (R6313-4) has been neither held nor declined by the beneficiary: hold it in FOLLOW_UP, or record the decline with FollowUpService.DeclineFollowUp.",
                "L'entretien de suivi proposé à la fin du bilan (article R6313-4) n'a pas eu lieu et le bénéficiaire ne l'a pas décliné : tenez-le, ou enregistrez son refus.");
        }
    }
}
