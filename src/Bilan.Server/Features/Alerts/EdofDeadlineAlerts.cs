using Bilan.Domain.Alerts;
using Bilan.Domain.Funding;
using Bilan.Server.Auth;
using Bilan.Server.Features.Funding;
using Dapper;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// The EDOF deadlines of CPF funding lines (Mon Compte Formation): the answer to the holder's request (2 working days),
/// the declarations of the entry and of the exit (3 working days each). The rows are read here; the deadlines and
/// their status are those the funding line shows (<see cref="EdofSchedule"/>). PENDING ones show within the upcoming
/// window, OVERDUE ones always. Due: the end of the due date in Paris.
/// </summary>
internal sealed class EdofDeadlineAlerts : IAlertSource
{
    public Callers VisibleTo => Callers.Staff;

    public async Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        // The bilan of each dossier must be in the caller's scope, looked up by primary key: PostgreSQL cannot tell how
        // few dossiers are still open and would otherwise hash every bilan first (LIMIT 1 keeps the lookup a lookup).
        var bilan = query.ScopeBilans();
        bilan.Add("b.id = f.bilan_id");
        // A first cut by day in SQL, the exact one below: a deadline shows when it is due by the end of the window (or
        // overdue), and it falls working days after the day it counts from (the receipt, the entry or the exit, known
        // or planned), so that day is at the latest the window's end (plus a day of margin for the time zone). Dossiers
        // in training with their exit months ahead are left in the database.
        bilan.Parameters.Add("LastBaseDate", query.Today.AddDays(query.Policy.UpcomingWindowDays + 1));
        // Only dossiers with something still to do; MET and MISSED deadlines never alert. The index fundings_open_edof
        // holds exactly these (migration 0018): keep the condition as it is written there.
        var sql = $"""
            SELECT {FundingRecord.Columns}
            FROM fundings f
            CROSS JOIN LATERAL (SELECT b.id FROM bilans b {bilan.Where} LIMIT 1) b
            WHERE f.edof_state IS NOT NULL
              AND (f.edof_answer_date IS NULL OR f.edof_entry_declared_date IS NULL OR f.edof_exit_declared_date IS NULL)
              AND ((f.edof_answer_date IS NULL AND f.edof_receive_date <= @LastBaseDate)
                OR (f.edof_entry_declared_date IS NULL AND coalesce(f.edof_entry_date, f.edof_start_date) <= @LastBaseDate)
                OR (f.edof_exit_declared_date IS NULL AND coalesce(f.edof_exit_date, f.edof_end_date) <= @LastBaseDate))
            """;
        var fundings = await query.Connection.QueryAsync<FundingRecord>(new CommandDefinition(sql, bilan.Parameters, cancellationToken: cancellationToken));
        return [.. fundings.SelectMany(funding => ToAlerts(funding, query))];
    }

    private static IEnumerable<AlertItem> ToAlerts(FundingRecord funding, AlertQuery query)
    {
        if (funding.DossierDates is not { } dates)
        {
            yield break;
        }

        foreach (var deadline in EdofSchedule.Compute(dates, query.Today))
        {
            var due = AlertTiming.EndOfDay(deadline.DueDate);
            var show = deadline.Status == DeadlineStatus.Overdue
                || (deadline.Status == DeadlineStatus.Pending && AlertTiming.Shows(due, query.Now, query.Policy));
            if (show && Wording(deadline, dates, funding.EdofNumber ?? "") is { } word)
            {
                yield return new AlertItem(
                    AlertKind.EdofDeadline,
                    deadline.Status == DeadlineStatus.Overdue ? AlertSeverity.Overdue : AlertSeverity.Upcoming,
                    funding.Name,
                    funding.BilanId,
                    DisplayName: null,
                    due,
                    word);
            }
        }
    }

    /// <summary>What to do for a deadline still open, worded on demand; null for a kind that never stays open.</summary>
    private static Func<AlertWording>? Wording(EdofDeadline deadline, EdofDossierDates dates, string number)
    {
        var overdue = deadline.Status == DeadlineStatus.Overdue;
        return deadline.Kind switch
        {
            EdofDeadlineKind.Answer => () => Answer(overdue, number, dates.ReceiveDate, deadline.DueDate),
            EdofDeadlineKind.EntryDeclaration => () =>
                Declaration(overdue, number, "entry into training", "l'entrée en formation", dates.EntryDate, dates.StartDate, deadline.DueDate),
            EdofDeadlineKind.ExitDeclaration => () =>
                Declaration(overdue, number, "exit from training", "la sortie de formation", dates.ExitDate, dates.EndDate, deadline.DueDate),
            _ => null,
        };
    }

    private static AlertWording Answer(bool overdue, string number, DateOnly received, DateOnly due)
    {
        var days = EdofDeadlines.AnswerWorkingDays;
        return overdue
            ? new($"CPF dossier {number}: the answer to the holder's request received on {AlertText.IsoDate(received)} was due in EDOF by {AlertText.IsoDate(due)} ({days} working days, EDOF rules, Mon Compte Formation).",
                  $"Dossier CPF {number} : la réponse à la demande du titulaire reçue le {AlertText.FrenchDate(received)} était due dans EDOF au plus tard le {AlertText.FrenchDate(due)} ({days} jours ouvrés, règles EDOF de Mon Compte Formation).")
            : new($"CPF dossier {number}: answer the holder's request in EDOF by {AlertText.IsoDate(due)} ({days} working days after its receipt on {AlertText.IsoDate(received)}, EDOF rules, Mon Compte Formation).",
                  $"Dossier CPF {number} : répondez à la demande du titulaire dans EDOF au plus tard le {AlertText.FrenchDate(due)} ({days} jours ouvrés après sa réception le {AlertText.FrenchDate(received)}, règles EDOF de Mon Compte Formation).");
    }

    private static AlertWording Declaration(
        bool overdue, string number, string what, string frenchWhat, DateOnly? known, DateOnly? planned, DateOnly due)
    {
        var days = EdofDeadlines.DeclarationWorkingDays;
        var day = known ?? planned;
        var on = day is { } d ? (known is null ? $" planned on {AlertText.IsoDate(d)}" : $" on {AlertText.IsoDate(d)}") : "";
        var frenchOn = day is { } f ? (known is null ? $" prévue le {AlertText.FrenchDate(f)}" : $" du {AlertText.FrenchDate(f)}") : "";
        return overdue
            ? new($"CPF dossier {number}: the {what}{on} had to be declared in EDOF by {AlertText.IsoDate(due)} ({days} working days, EDOF rules, Mon Compte Formation).",
                  $"Dossier CPF {number} : {frenchWhat}{frenchOn} devait être déclarée dans EDOF au plus tard le {AlertText.FrenchDate(due)} ({days} jours ouvrés, règles EDOF de Mon Compte Formation).")
            : new($"CPF dossier {number}: declare the {what}{on} in EDOF by {AlertText.IsoDate(due)} ({days} working days, EDOF rules, Mon Compte Formation).",
                  $"Dossier CPF {number} : déclarez {frenchWhat}{frenchOn} dans EDOF au plus tard le {AlertText.FrenchDate(due)} ({days} jours ouvrés, règles EDOF de Mon Compte Formation).");
    }
}
