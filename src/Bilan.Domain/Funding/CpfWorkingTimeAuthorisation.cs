using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Funding;

/// <summary>
/// The employer's authorisation for a CPF-funded bilan taking place, even partly, on working time (Code du travail
/// D6323-4): the employee asks at least 60 days before the start; the employer has 30 days from receiving the
/// request to answer; silence means acceptance. Outside working time no authorisation is needed.
/// </summary>
/// <remarks>
/// Counting, in calendar days, from the day after the event (day 1): the request is in time when the start is at
/// least 60 days after it (request 1 March, start 30 April: in time; start 29 April: too late); the answer deadline
/// is the request date + 30 days (day 30 is the last day to answer; on day 31 silence has become acceptance).
/// Readings: the employer's explicit answer always counts, even to a late request, but silence protects only a
/// request made in time (a late request not answered stays NOT_REQUESTED_IN_TIME); a refusal after day 30 comes too
/// late to undo the tacit acceptance (DEEMED_GRANTED); an answer dated after the day asked about is not yet known.
/// </remarks>
public static class CpfWorkingTimeAuthorisation
{
    public const int MinimumDaysBeforeStart = 60;
    public const int AnswerDays = 30;

    /// <summary>Whether the employer must be asked: only when the bilan takes place, even partly, on working time.</summary>
    public static bool IsNeeded(WorkingTime workingTime) => workingTime is WorkingTime.During or WorkingTime.PartlyDuring;

    public static bool IsRequestedInTime(DateOnly requestDate, DateOnly startDate) =>
        startDate.DayNumber - requestDate.DayNumber >= MinimumDaysBeforeStart;

    /// <summary>The latest request date for a bilan starting on <paramref name="startDate"/>.</summary>
    public static DateOnly LatestRequestDate(DateOnly startDate) => startDate.AddDays(-MinimumDaysBeforeStart);

    /// <summary>The last day the employer may answer a request received on <paramref name="requestDate"/>.</summary>
    public static DateOnly AnswerDeadline(DateOnly requestDate) => requestDate.AddDays(AnswerDays);

    /// <summary>The day the employer's silence becomes acceptance (day 31): the day after <see cref="AnswerDeadline"/>.</summary>
    public static DateOnly DeemedGrantedDate(DateOnly requestDate) => AnswerDeadline(requestDate).AddDays(1);

    /// <summary>
    /// Refuses a request made fewer than 60 days before the planned start (FAILED_PRECONDITION
    /// WORKING_TIME_AUTHORIZATION_TOO_LATE), giving the latest day the employee could have asked.
    /// </summary>
    public static void EnsureRequestedInTime(DateOnly requestDate, DateOnly plannedStart)
    {
        if (IsRequestedInTime(requestDate, plannedStart))
        {
            return;
        }

        var latest = LatestRequestDate(plannedStart);
        throw new RuleViolationException(
            "WORKING_TIME_AUTHORIZATION_TOO_LATE",
            $"The employee must ask the employer's authorisation at least {MinimumDaysBeforeStart} days before the start (Code du travail D6323-4): for a start on {plannedStart:yyyy-MM-dd}, by {latest:yyyy-MM-dd} at the latest; asked on {requestDate:yyyy-MM-dd}. Move the planned start, or fund the bilan outside working time.",
            $"Le salarié doit demander l'autorisation de l'employeur au moins {MinimumDaysBeforeStart} jours avant le début du bilan (article D6323-4 du Code du travail) : pour un début le {FrenchCalendar.Format(plannedStart)}, au plus tard le {FrenchCalendar.Format(latest)} ; demande faite le {FrenchCalendar.Format(requestDate)}.",
            new Dictionary<string, string>
            {
                ["request_date"] = FrenchCalendar.Iso(requestDate),
                ["planned_start_date"] = FrenchCalendar.Iso(plannedStart),
                ["latest_request_date"] = FrenchCalendar.Iso(latest),
                ["article"] = "D6323-4",
            });
    }

    /// <summary>The status of a recorded request, the start judged on the planned start date.</summary>
    public static CpfAuthorisationStatus StatusOn(CpfAuthorisationRequest request, DateOnly startDate, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(request);
        return StatusOn(request.RequestDate, startDate, request.Answer, request.AnswerDate, on);
    }


    /// <summary>
    /// The status on <paramref name="on"/>. Throws <see cref="InvalidFieldsException"/> when an answer has no date,
    /// a date is given without an answer, or the answer predates the request.
    /// </summary>
    public static CpfAuthorisationStatus StatusOn(
        DateOnly requestDate, DateOnly startDate, EmployerAnswer answer, DateOnly? answerDate, DateOnly on)
    {
        CheckAnswer(requestDate, answer, answerDate);
        var deadline = AnswerDeadline(requestDate);
        var inTime = IsRequestedInTime(requestDate, startDate);
        var known = answer != EmployerAnswer.None && answerDate <= on;

        if (known && answer == EmployerAnswer.Granted)
        {
            return new CpfAuthorisationStatus(CpfAuthorisationStatusKind.Granted);
        }

        if (!inTime)
        {
            return new CpfAuthorisationStatus(known ? CpfAuthorisationStatusKind.Refused : CpfAuthorisationStatusKind.NotRequestedInTime);
        }

        if (known && answerDate <= deadline)
        {
            return new CpfAuthorisationStatus(CpfAuthorisationStatusKind.Refused);
        }

        return on <= deadline
            ? new CpfAuthorisationStatus(CpfAuthorisationStatusKind.AwaitingAnswer, deadline)
            : new CpfAuthorisationStatus(CpfAuthorisationStatusKind.DeemedGranted);
    }

    private static void CheckAnswer(DateOnly requestDate, EmployerAnswer answer, DateOnly? answerDate)
    {
        var checks = new FieldChecks();
        if (!Enum.IsDefined(answer))
        {
            checks.Add("answer", "UNKNOWN_VALUE", $"Unknown value {answer}.", "La réponse de l'employeur : valeur inconnue.");
        }
        else if (answer != EmployerAnswer.None && answerDate is null)
        {
            checks.Add("answer_date", "REQUIRED", "Required with an answer.", "La date de réponse de l'employeur est obligatoire.");
        }
        else if (answer == EmployerAnswer.None && answerDate is not null)
        {
            checks.Add("answer_date", "UNEXPECTED", "No answer, so no answer date.", "Pas de date de réponse sans réponse de l'employeur.");
        }
        else if (answerDate < requestDate)
        {
            checks.Add("answer_date", "BEFORE_REQUEST", "The answer cannot predate the request.",
                "La réponse de l'employeur ne peut pas précéder la demande.");
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);
    }
}
