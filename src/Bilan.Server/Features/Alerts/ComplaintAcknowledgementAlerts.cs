using Bilan.Domain.Alerts;
using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Quality;
using Dapper;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// Complaints still waiting for their acknowledgement (status RECEIVED), for as long as they wait. Due: the end of their
/// acknowledge_deadline day in Paris (policy: received + 7 calendar days).
/// </summary>
internal sealed class ComplaintAcknowledgementAlerts : IAlertSource
{
    private const string Sql = "SELECT c.id, c.subject, c.received_date, c.acknowledge_deadline FROM complaints c WHERE c.status = 1";

    public Callers VisibleTo => Callers.Admin;

    public async Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var rows = await query.Connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: cancellationToken));
        return [.. rows.Select(row =>
        {
            var due = ComplaintDeadlines.EndOfDay(row.AcknowledgeDeadline);
            var severity = AlertTiming.SeverityOf(due, query.Now);
            return new AlertItem(AlertKind.ComplaintToAcknowledge, severity, ResourceName.Format(ComplaintRecord.Collection, row.Id), BilanId: null, row.Subject, due,
                () => Word(row, severity));
        })];
    }

    private static AlertWording Word(Row row, AlertSeverity severity) => severity == AlertSeverity.Overdue
        ? new($"Complaint received on {AlertText.IsoDate(row.ReceivedDate)}: its acknowledgement was due by {AlertText.IsoDate(row.AcknowledgeDeadline)}.",
              $"Réclamation reçue le {AlertText.FrenchDate(row.ReceivedDate)} : l'accusé de réception devait partir au plus tard le {AlertText.FrenchDate(row.AcknowledgeDeadline)}.")
        : new($"Complaint received on {AlertText.IsoDate(row.ReceivedDate)}: acknowledge it by {AlertText.IsoDate(row.AcknowledgeDeadline)}.",
              $"Réclamation reçue le {AlertText.FrenchDate(row.ReceivedDate)} : accusez-en réception au plus tard le {AlertText.FrenchDate(row.AcknowledgeDeadline)}.");

    private sealed record Row(Guid Id, string Subject, DateOnly ReceivedDate, DateOnly AcknowledgeDeadline);
}
