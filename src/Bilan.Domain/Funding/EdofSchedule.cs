namespace Bilan.Domain.Funding;

/// <summary>The EDOF deadlines a dossier is watched for (same numbers as the API's EdofDeadlineKind).</summary>
public enum EdofDeadlineKind
{
    Unspecified = 0,

    /// <summary>The provider answers the holder's request within 2 working days of receiving it.</summary>
    Answer = 1,

    /// <summary>The training starts at least 11 working days after the provider's proposal.</summary>
    EarliestStart = 2,

    /// <summary>The entry (entrée en formation) is declared within 3 working days.</summary>
    EntryDeclaration = 3,

    /// <summary>The exit (sortie de formation) is declared within 3 working days.</summary>
    ExitDeclaration = 4,
}

/// <summary>Where a deadline stands on a given day (same numbers as the API's DeadlineStatus).</summary>
public enum DeadlineStatus
{
    Unspecified = 0,

    /// <summary>Done on time.</summary>
    Met = 1,

    /// <summary>Not done yet, and the due date has not passed.</summary>
    Pending = 2,

    /// <summary>Not done, and the due date has passed: an alert.</summary>
    Overdue = 3,

    /// <summary>Done, but after the due date.</summary>
    Missed = 4,
}

/// <summary>One deadline: its kind, the day it falls due, where it stands, and the day it was done (if it was).</summary>
public sealed record EdofDeadline(EdofDeadlineKind Kind, DateOnly DueDate, DeadlineStatus Status, DateOnly? DoneDate);

/// <summary>
/// What the deadlines of a dossier are computed from: the day EDOF received the holder's request, the day the
/// provider answered (the dossier left notProcessed), the proposal (validation) with its planned start and end,
/// and the entry and exit with the days they were declared.
/// </summary>
public sealed record EdofDossierDates(
    EdofState State,
    DateOnly ReceiveDate,
    DateOnly? AnswerDate = null,
    DateOnly? ProposalDate = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    DateOnly? EntryDate = null,
    DateOnly? EntryDeclaredDate = null,
    DateOnly? ExitDate = null,
    DateOnly? ExitDeclaredDate = null);

/// <summary>
/// The EDOF deadlines of a dossier on a given day (<see cref="EdofDeadlines"/> computes each date, in working
/// days with French public holidays).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Answer: always, from the receive date; done when the dossier left notProcessed, whatever the move.</item>
/// <item>Earliest start: once a proposal is made with its start; met when the start is on or after it (the
/// proposal itself is refused otherwise, EDOF_START_TOO_EARLY).</item>
/// <item>Entry declaration: once the dossier is accepted (from the planned start, pending the entry) or the entry is
/// known (from the entry date); not for a dossier cancelled before the entry.</item>
/// <item>Exit declaration: while in training (from the planned end, pending the exit) or once the exit is known.</item>
/// </list>
/// </remarks>
public static class EdofSchedule
{
    public static IReadOnlyList<EdofDeadline> Compute(EdofDossierDates dossier, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var deadlines = new List<EdofDeadline>
        {
            Deadline(EdofDeadlineKind.Answer, EdofDeadlines.AnswerDeadline(dossier.ReceiveDate), dossier.AnswerDate, today),
        };

        if (dossier is { ProposalDate: { } proposal, StartDate: { } start })
        {
            var earliest = EdofDeadlines.EarliestStart(proposal);
            deadlines.Add(new EdofDeadline(EdofDeadlineKind.EarliestStart, earliest,
                start >= earliest ? DeadlineStatus.Met : DeadlineStatus.Missed, start));
        }

        var entry = dossier.EntryDate ?? (dossier.State == EdofState.Accepted ? dossier.StartDate : null);
        if (entry is { } entryDate)
        {
            deadlines.Add(Deadline(EdofDeadlineKind.EntryDeclaration, EdofDeadlines.EntryDeclarationDeadline(entryDate), dossier.EntryDeclaredDate, today));
        }

        var exit = dossier.ExitDate ?? (dossier.State == EdofState.InTraining ? dossier.EndDate : null);
        if (exit is { } exitDate)
        {
            deadlines.Add(Deadline(EdofDeadlineKind.ExitDeclaration, EdofDeadlines.ExitDeclarationDeadline(exitDate), dossier.ExitDeclaredDate, today));
        }

        return deadlines;
    }

    private static EdofDeadline Deadline(EdofDeadlineKind kind, DateOnly due, DateOnly? done, DateOnly today)
    {
        var status = done switch
        {
            { } day when day <= due => DeadlineStatus.Met,
            not null => DeadlineStatus.Missed,
            null when today <= due => DeadlineStatus.Pending,
            _ => DeadlineStatus.Overdue,
        };
        return new EdofDeadline(kind, due, status, done);
    }

    public static string FrenchLabel(EdofDeadlineKind kind) => kind switch
    {
        EdofDeadlineKind.Answer => "Réponse à la demande (2 jours ouvrés)",
        EdofDeadlineKind.EarliestStart => "Début au plus tôt (11 jours ouvrés après la proposition)",
        EdofDeadlineKind.EntryDeclaration => "Déclaration d'entrée (3 jours ouvrés)",
        EdofDeadlineKind.ExitDeclaration => "Déclaration de sortie (3 jours ouvrés)",
        _ => "inconnue",
    };

    public static string FrenchLabel(DeadlineStatus status) => status switch
    {
        DeadlineStatus.Met => "respectée",
        DeadlineStatus.Pending => "à venir",
        DeadlineStatus.Overdue => "dépassée",
        DeadlineStatus.Missed => "respectée en retard",
        _ => "inconnue",
    };
}
