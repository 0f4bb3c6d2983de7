using Bilan.Domain.Alerts;
using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Quality;
using Dapper;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// Complaints not yet answered (RECEIVED, ACKNOWLEDGED or IN_PROGRESS) whose answer deadline is within the upcoming
/// window or passed. Due: the end of their answer_deadline day in Paris (policy: received + 30 calendar days).
/// </summary>
internal sealed class ComplaintAnswerAlerts : IAlertSource
{
    // A first cut by day in SQL (the window plus a day of margin for the time zone), the exact one below.
    private const string Sql = """
        SELECT c.id, c.subject, c.received_date, c.answer_deadline FROM complaints c
        WHERE c.status IN (1, 2, 3) AND c.answer_deadline <= @LastDeadline
        """;

    public Callers VisibleTo => Callers.Admin;

    public async Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var rows = await query.Connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { LastDeadline = query.Today.AddDays(query.Policy.UpcomingWindowDays + 1) }, cancellationToken: cancellationToken));
        return [.. rows
            .Select(row => (Row: row, Due: ComplaintDeadlines.EndOfDay(row.AnswerDeadline)))
            .Where(alert => AlertTiming.Shows(alert.Due, query.Now, query.Policy))
            .Select(alert =>
            {
                var (row, due) = alert;
                var severity = AlertTiming.SeverityOf(due, query.Now);
                return new AlertItem(AlertKind.ComplaintToAnswer, severity, ResourceName.Format(ComplaintRecord.Collection, row.Id), BilanId: null, row.Subject, due,
                    () => Word(row, severity));
            })];
    }

    private static AlertWording Word(Row row, AlertSeverity severity) => severity == AlertSeverity.Overdue
        ? new($"Complaint received on {AlertText.IsoDate(row.ReceivedDate)}: its answer was due by {AlertText.IsoDate(row.AnswerDeadline)}.",
              $"Réclamation reçue le {AlertText.FrenchDate(row.ReceivedDate)} : la réponse devait partir au plus tard le {AlertText.FrenchDate(row.AnswerDeadline)}.")
        : new($"Complaint received on {AlertText.IsoDate(row.ReceivedDate)}: answer it by {AlertText.IsoDate(row.AnswerDeadline)}.",
              $"Réclamation reçue le {AlertText.FrenchDate(row.ReceivedDate)} : répondez au plus tard le {AlertText.FrenchDate(row.AnswerDeadline)}.");

    private sealed record Row(Guid Id, string Subject, DateOnly ReceivedDate, DateOnly AnswerDeadline);
}
