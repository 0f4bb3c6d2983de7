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
