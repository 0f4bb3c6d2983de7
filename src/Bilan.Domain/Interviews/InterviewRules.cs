using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;
using Bilan.Domain.Eligibility;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Interviews;

/// <summary>The rules an interview must follow when it is planned, moved or recorded.</summary>
public static class InterviewRules
{
    private const int MinutesPerHour = 60;

    /// <summary>Field rules of a slot: its phase, mode and duration (paths relative to the interview).</summary>
    public static IReadOnlyList<FieldViolation> ValidateSlot(InterviewPhase phase, InterviewMode mode, int minutes, BilanPolicy policy)
    {
        var checks = new FieldChecks();
        checks.RequireDefined("phase", phase, "La phase");
        checks.RequireDefined("mode", mode, "La modalité");
        CheckDuration(checks, "duration_minutes", minutes, policy);
        return checks.Violations;
    }

    public static void CheckDuration(FieldChecks checks, string field, int minutes, BilanPolicy policy)
    {
        if (minutes < policy.MinimumInterviewMinutes || minutes > policy.MaximumInterviewMinutes)
        {
            checks.Add(field, "OUT_OF_RANGE",
                $"Must be between {policy.MinimumInterviewMinutes} and {policy.MaximumInterviewMinutes} minutes.",
                $"La durée doit être comprise entre {policy.MinimumInterviewMinutes} et {policy.MaximumInterviewMinutes} minutes.");
        }
    }

    /// <summary>
    /// Refuses a slot that the bilan cannot take: a bilan already over, a phase already passed, planned hours
    /// above 24 (L6313-4), or a day when the beneficiary's situation forbids the bilan.
    /// </summary>
    public static void EnsureCanPlan(
        BilanState state,
        InterviewPhase phase,
        DateTimeOffset start,
        int minutes,
        IReadOnlyList<Interview> otherInterviews,
        IReadOnlyList<SituationPeriod> situations,
        BilanPolicy policy)
    {
        // The follow-up interview (R6313-4 3°) is scheduled once the bilan is in FOLLOW_UP, after its completion.
        if (phase == InterviewPhase.FollowUp && state != BilanState.FollowUp && !state.IsFinal())
        {
            throw new RuleViolationException(
                "FOLLOW_UP_INTERVIEW_NOT_YET",
                $"A follow-up interview is scheduled once the bilan is in STATE_FOLLOW_UP (StartFollowUp, after CompleteBilan); it is {ApiNames.Of(state)}.",
                $"L'entretien de suivi se planifie une fois le bilan en suivi (après sa fin) ; le bilan est à l'état « {FrenchNames.Of(state)} ».",
                new Dictionary<string, string> { ["state"] = ApiNames.Of(state), ["phase"] = ApiNames.Of(phase) });
        }

        if (!TakesInterviews(state))
        {
            throw new RuleViolationException(
                "INTERVIEW_NOT_ALLOWED_IN_STATE",
                $"No interview can be planned for a bilan in state {ApiNames.Of(state)}.",
                $"Aucun entretien ne peut être planifié : le bilan est à l'état « {FrenchNames.Of(state)} ».",
                new Dictionary<string, string> { ["state"] = ApiNames.Of(state) });
        }

        if ((int)phase < CurrentPhase(state))
        {
            throw new RuleViolationException(
                "INTERVIEW_PHASE_PASSED",
                $"An interview of phase {ApiNames.Of(phase)} cannot be planned: the bilan is in {ApiNames.Of(state)}; plan it in the current phase or a later one.",
                $"Cette phase est passée : le bilan est en « {FrenchNames.Of(state)} ». Planifiez l'entretien dans la phase en cours ou une suivante.",
                new Dictionary<string, string> { ["state"] = ApiNames.Of(state), ["phase"] = ApiNames.Of(phase) });
        }

        var plannedMinutes = otherInterviews.Sum(i => i.CountedMinutes) + minutes;
        if (plannedMinutes > BilanPolicy.MaximumHours * MinutesPerHour)
        {
            throw new RuleViolationException(
                "PLANNED_HOURS_EXCEEDED",
                $"This interview would bring the bilan to {Hours(plannedMinutes)} hours; a bilan has at most {BilanPolicy.MaximumHours} hours of accompaniment (Code du travail L6313-4).",
                $"Cet entretien porterait le bilan à {Hours(plannedMinutes)} h ; un bilan compte au plus {BilanPolicy.MaximumHours} h d'accompagnement (article L6313-4 du Code du travail).",
                new Dictionary<string, string>
                {
                    ["planned_minutes"] = plannedMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["maximum_minutes"] = (BilanPolicy.MaximumHours * MinutesPerHour).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["article"] = "L6313-4",
                });
        }

        var day = FrenchCalendar.DateOf(start);
        // The end is exclusive: an interview ending at midnight does not touch the next day.
        var lastDay = FrenchCalendar.DateOf(start.AddMinutes(minutes).AddTicks(-1));
        var verdict = EligibilityRules.Check(situations, day, lastDay, policy);
        if (!verdict.Eligible)
        {
            var blocking = verdict.Reasons.Where(r => r.Blocking).ToList();
            throw new RuleViolationException(
                "INTERVIEW_DURING_FORBIDDEN_SITUATION",
                $"No interview on {day:yyyy-MM-dd}: {string.Join(" ", blocking.Select(r => r.Description))}",
                $"Pas d'entretien le {FrenchCalendar.Format(day)} : {string.Join(" ", blocking.Select(r => r.FrenchDescription))}",
                new Dictionary<string, string>
                {
                    ["situation"] = ApiNames.Of(blocking[0].Kind),
                    ["situation_start"] = blocking[0].Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["situation_end"] = blocking[0].End?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                },
                blocking.Select(r => new ConditionFailure(r.Rule, $"situations[{r.SituationIndex}]", r.Description, r.FrenchDescription)).ToList());
        }
    }

    /// <summary>Refuses a slot that overlaps another interview of the same consultant or beneficiary.</summary>
    public static void EnsureNoOverlap(string whose, Interview? overlapping)
    {
        if (overlapping is not null)
        {
            throw OverlapRefusal(whose);
        }
    }

    /// <summary>The refusal of a slot that <paramref name="whose"/> (consultant or beneficiary) already has taken.</summary>
    public static RuleViolationException OverlapRefusal(string whose) => new(
        "INTERVIEW_OVERLAP",
        $"The {whose} already has an interview at that time.",
        whose == "consultant"
            ? "Ce créneau chevauche un autre entretien du consultant."
            : "Ce créneau chevauche un autre entretien du bénéficiaire.",
        new Dictionary<string, string> { ["overlapping_with"] = whose });

    /// <summary>Only a scheduled interview can be moved, cancelled or given an outcome.</summary>
    public static void EnsureScheduled(Interview interview)
    {
        if (interview.Status != InterviewStatus.Scheduled)
        {
            throw new RuleViolationException(
                "INTERVIEW_NOT_SCHEDULED",
                $"The interview is {ApiNames.Of(interview.Status)}: only a scheduled interview can change.",
                "Cet entretien n'est plus planifié : il ne peut plus être modifié.",
                new Dictionary<string, string> { ["interview_status"] = ApiNames.Of(interview.Status) });
        }
    }

    /// <summary>
    /// An outcome is recorded once the interview has begun; held hours never pass 24 per bilan (L6313-4).
    /// </summary>
    public static void EnsureCanRecordOutcome(Interview interview, DateTimeOffset now, int? heldMinutes, IReadOnlyList<Interview> otherInterviews)
    {
        EnsureScheduled(interview);
        if (interview.Start > now)
        {
            throw new RuleViolationException(
                "INTERVIEW_NOT_BEGUN",
                $"The interview starts at {interview.Start.UtcDateTime:yyyy-MM-dd HH:mm} UTC: its outcome can be recorded once it has begun.",
                "Cet entretien n'a pas encore commencé : son issue ne peut pas encore être saisie.",
                new Dictionary<string, string> { ["start_time"] = interview.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        }

        var held = otherInterviews.Where(i => i.Status == InterviewStatus.Held).Sum(i => i.HeldMinutes ?? 0) + (heldMinutes ?? 0);
        if (held > BilanPolicy.MaximumHours * MinutesPerHour)
        {
            throw new RuleViolationException(
                "HELD_HOURS_EXCEEDED",
                $"This would bring the held accompaniment to {Hours(held)} hours, above the {BilanPolicy.MaximumHours} hours of Code du travail L6313-4.",
                $"Les heures réalisées passeraient à {Hours(held)} h, au-delà des {BilanPolicy.MaximumHours} h de l'article L6313-4 du Code du travail.",
                new Dictionary<string, string> { ["held_minutes"] = held.ToString(System.Globalization.CultureInfo.InvariantCulture), ["article"] = "L6313-4" });
        }
    }

    /// <summary>
    /// Interviews are planned from the request to the end of the conclusion phase, then the follow-up interview in
    /// FOLLOW_UP; none once COMPLETED (until the follow-up starts) or ended.
    /// </summary>
    public static bool TakesInterviews(BilanState state) =>
        state is BilanState.Requested or BilanState.Preliminary or BilanState.Investigation or BilanState.Conclusion or BilanState.FollowUp;

    /// <summary>The phase a bilan in <paramref name="state"/> is in; a requested bilan is before the first.</summary>
    public static int CurrentPhase(BilanState state) => state switch
    {
        BilanState.Requested => 0,
        BilanState.Preliminary => (int)InterviewPhase.Preliminary,
        BilanState.Investigation => (int)InterviewPhase.Investigation,
        BilanState.FollowUp => (int)InterviewPhase.FollowUp,
        _ => (int)InterviewPhase.Conclusion,
    };

    private static string Hours(int minutes) => (minutes / 60m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
