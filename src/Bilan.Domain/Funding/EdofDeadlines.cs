using Bilan.Domain.Calendar;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Funding;

/// <summary>
/// The deadlines of a CPF dossier in the provider's EDOF space (Mon Compte Formation), in working days
/// (<see cref="WorkingDays"/>: the day of the event is day 0, day 1 is the next working day).
/// </summary>
/// <remarks>
/// Readings: "answers within 2 working days" means an answer on the 2nd working day after the request is in
/// time; "at least 11 working days between the proposal and the start" means the start is on or after the 11th
/// working day after the proposal (the start itself may be any day, a Saturday included); "declared within 3
/// working days" means a declaration on the 3rd working day after the entry (or the exit) is in time.
/// </remarks>
public static class EdofDeadlines
{
    public const int AnswerWorkingDays = 2;
    public const int MinimumWorkingDaysBeforeStart = 11;
    public const int DeclarationWorkingDays = 3;

    /// <summary>The last day the provider may answer (validate or refuse) a holder's request received on <paramref name="requestDate"/>.</summary>
    public static DateOnly AnswerDeadline(DateOnly requestDate) => WorkingDays.Add(requestDate, AnswerWorkingDays);

    /// <summary>The earliest start of the training for a proposal made on <paramref name="proposalDate"/>.</summary>
    public static DateOnly EarliestStart(DateOnly proposalDate) => WorkingDays.Add(proposalDate, MinimumWorkingDaysBeforeStart);

    /// <summary>The last day to declare the entry (entrée en formation) of a training started on <paramref name="entryDate"/>.</summary>
    public static DateOnly EntryDeclarationDeadline(DateOnly entryDate) => WorkingDays.Add(entryDate, DeclarationWorkingDays);

    /// <summary>The last day to declare the exit (sortie de formation) of a training ended on <paramref name="exitDate"/>.</summary>
    public static DateOnly ExitDeclarationDeadline(DateOnly exitDate) => WorkingDays.Add(exitDate, DeclarationWorkingDays);

    /// <summary>EDOF_ANSWER_LATE when <paramref name="answerDate"/> is after the answer deadline, else null.</summary>
    public static RuleViolationException? CheckAnswer(DateOnly requestDate, DateOnly answerDate)
    {
        var deadline = AnswerDeadline(requestDate);
        return answerDate <= deadline
            ? null
            : new RuleViolationException(
                "EDOF_ANSWER_LATE",
                $"The provider must answer an EDOF request within {AnswerWorkingDays} working days: the request of {FrenchCalendar.Iso(requestDate)} had to be answered by {FrenchCalendar.Iso(deadline)}.",
                $"L'organisme doit répondre à une demande EDOF sous {AnswerWorkingDays} jours ouvrés : la demande du {FrenchCalendar.Format(requestDate)} devait recevoir une réponse au plus tard le {FrenchCalendar.Format(deadline)}.",
                new Dictionary<string, string> { ["request_date"] = FrenchCalendar.Iso(requestDate), ["deadline"] = FrenchCalendar.Iso(deadline) });
    }

    /// <summary>EDOF_START_TOO_EARLY when <paramref name="startDate"/> is before the earliest start, else null.</summary>
    public static RuleViolationException? CheckStart(DateOnly proposalDate, DateOnly startDate)
    {
        var earliest = EarliestStart(proposalDate);
        return startDate >= earliest
            ? null
            : new RuleViolationException(
                "EDOF_START_TOO_EARLY",
                $"EDOF requires at least {MinimumWorkingDaysBeforeStart} working days between the proposal and the start: for a proposal on {FrenchCalendar.Iso(proposalDate)}, the training starts on {FrenchCalendar.Iso(earliest)} at the earliest.",
                $"EDOF impose au moins {MinimumWorkingDaysBeforeStart} jours ouvrés entre la proposition et le début de la formation : pour une proposition du {FrenchCalendar.Format(proposalDate)}, la formation commence au plus tôt le {FrenchCalendar.Format(earliest)}.",
                new Dictionary<string, string>
                {
                    ["proposal_date"] = FrenchCalendar.Iso(proposalDate),
                    ["start_date"] = FrenchCalendar.Iso(startDate),
                    ["earliest_start"] = FrenchCalendar.Iso(earliest),
                });
    }

    /// <summary>EDOF_ENTRY_DECLARATION_LATE when the entry is declared after its deadline, else null.</summary>
    public static RuleViolationException? CheckEntryDeclaration(DateOnly entryDate, DateOnly declarationDate) =>
        CheckDeclaration("EDOF_ENTRY_DECLARATION_LATE", "entry", "l'entrée en formation", "entry_date", entryDate, declarationDate);

    /// <summary>EDOF_EXIT_DECLARATION_LATE when the exit is declared after its deadline, else null.</summary>
    public static RuleViolationException? CheckExitDeclaration(DateOnly exitDate, DateOnly declarationDate) =>
        CheckDeclaration("EDOF_EXIT_DECLARATION_LATE", "exit", "la sortie de formation", "exit_date", exitDate, declarationDate);

    private static RuleViolationException? CheckDeclaration(
        string reason, string what, string frenchWhat, string dateKey, DateOnly eventDate, DateOnly declarationDate)
    {
        var deadline = WorkingDays.Add(eventDate, DeclarationWorkingDays);
        return declarationDate <= deadline
            ? null
            : new RuleViolationException(
                reason,
                $"The {what} must be declared in EDOF within {DeclarationWorkingDays} working days: the {what} of {FrenchCalendar.Iso(eventDate)} had to be declared by {FrenchCalendar.Iso(deadline)}.",
                $"{char.ToUpperInvariant(frenchWhat[0])}{frenchWhat[1..]} doit être déclarée dans EDOF sous {DeclarationWorkingDays} jours ouvrés : celle du {FrenchCalendar.Format(eventDate)} devait l'être au plus tard le {FrenchCalendar.Format(deadline)}.",
                new Dictionary<string, string> { [dateKey] = FrenchCalendar.Iso(eventDate), ["deadline"] = FrenchCalendar.Iso(deadline) });
    }
}
