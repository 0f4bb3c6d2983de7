using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;

namespace Bilan.Domain.FollowUps;

/// <summary>
/// The follow-up interview (entretien de suivi): the conclusion phase plans its possibility (Code du travail
/// R6313-4 3°) and market practice places it about 6 months after the end (policy, default 6 months). It is proposed
/// when the bilan completes; the bilan then goes to FOLLOW_UP to schedule and hold it, or the beneficiary declines it;
/// either way the bilan may then be closed.
/// </summary>
/// <remarks>
/// The proposed date is the completion date plus the delay in calendar months; a day the target month lacks becomes
/// its last day (31 August + 6 months = 28 February, or 29 in a leap year), as <see cref="DateOnly.AddMonths"/> does.
/// </remarks>
public static class FollowUpRules
{
    public const int MinimumDelayMonths = 1;
    public const int MaximumDelayMonths = 12;

    public static DateOnly ProposedDate(DateOnly completedOn, int delayMonths) => completedOn.AddMonths(delayMonths);

    public static IReadOnlyList<FieldViolation> ValidateDelay(string field, int delayMonths)
    {
        var checks = new FieldChecks();
        if (delayMonths is < MinimumDelayMonths or > MaximumDelayMonths)
        {
            checks.Add(field, "OUT_OF_RANGE", $"Must be between {MinimumDelayMonths} and {MaximumDelayMonths} months.",
                $"Le délai de l'entretien de suivi doit être compris entre {MinimumDelayMonths} et {MaximumDelayMonths} mois.");
        }

        return checks.Violations;
    }

    /// <summary>Held beats declined beats scheduled: what the bilan's follow-up interviews and the decline say.</summary>
    public static FollowUpState StateOf(DateOnly? declinedOn, IEnumerable<Interview> interviews)
    {
        var followUps = interviews.Where(i => i.Phase == InterviewPhase.FollowUp).ToList();
        if (followUps.Any(i => i.Status == InterviewStatus.Held))
        {
            return FollowUpState.Held;
        }

        if (declinedOn is not null)
        {
            return FollowUpState.Declined;
        }

        return followUps.Any(i => i.Status == InterviewStatus.Scheduled) ? FollowUpState.Scheduled : FollowUpState.Proposed;
    }

    /// <summary>
    /// The follow-up can change (its delay, a decline) while the bilan is COMPLETED or FOLLOW_UP and the follow-up is
    /// neither held nor declined; a decline also needs no follow-up interview still scheduled (cancel it first).
    /// </summary>
    public static void EnsureOpen(BilanState bilanState, FollowUpState state, bool declining)
    {
        if (bilanState is not (BilanState.Completed or BilanState.FollowUp))
        {
            throw new RuleViolationException(
                "FOLLOW_UP_NOT_OPEN",
                $"The follow-up changes only while the bilan is STATE_COMPLETED or STATE_FOLLOW_UP; it is {ApiNames.Of(bilanState)}.",
                $"Le suivi ne peut plus être modifié : le bilan est à l'état « {FrenchNames.Of(bilanState)} ».",
                new Dictionary<string, string> { ["state"] = ApiNames.Of(bilanState) });
        }

        if (state is FollowUpState.Held or FollowUpState.Declined)
        {
            throw new RuleViolationException(
                "FOLLOW_UP_CONCLUDED",
                $"The follow-up interview is already {(state == FollowUpState.Held ? "held" : "declined")}.",
                state == FollowUpState.Held ? "L'entretien de suivi a déjà eu lieu." : "Le bénéficiaire a déjà décliné l'entretien de suivi.",
                new Dictionary<string, string> { ["follow_up_state"] = ApiNames.Of(state) });
        }

        if (declining && state == FollowUpState.Scheduled)
        {
            throw new RuleViolationException(
                "FOLLOW_UP_INTERVIEW_SCHEDULED",
                "A follow-up interview is scheduled: cancel it (InterviewService.CancelInterview) before recording the decline.",
                "Un entretien de suivi est planifié : annulez-le avant d'enregistrer le refus du bénéficiaire.");
        }
    }
}
