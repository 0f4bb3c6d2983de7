using Bilan.Domain.Alerts;
using Bilan.Domain.Bilans;
using Bilan.Domain.FollowUps;
using Bilan.Domain.Interviews;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.FollowUps;
using Dapper;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// Follow-up interviews proposed at completion (Code du travail R6313-4 3°) and still PROPOSED: neither declined nor
/// scheduled nor held, for a bilan COMPLETED or in FOLLOW_UP. Due: the end of the proposed date in Paris
/// (<see cref="FollowUpRules.ProposedDate"/>); shown within the upcoming window, overdue after.
/// </summary>
internal sealed class FollowUpAlerts : IAlertSource
{
    public Callers VisibleTo => Callers.Staff;

    public async Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var conditions = query.ScopeBilans();
        conditions.Add("b.state IN (@Completed, @FollowUp)", ("Completed", (short)BilanState.Completed), ("FollowUp", (short)BilanState.FollowUp));
        conditions.Parameters.Add("FollowUpPhase", (short)InterviewPhase.FollowUp);
        conditions.Parameters.Add("Scheduled", (short)InterviewStatus.Scheduled);
        conditions.Parameters.Add("Held", (short)InterviewStatus.Held);
        // A first cut by day in SQL (the window plus a day of margin; PostgreSQL adds months as DateOnly.AddMonths does),
        // the exact one below.
        conditions.Parameters.Add("LastProposedDate", query.Today.AddDays(query.Policy.UpcomingWindowDays + 1));
        // The follow-up of each bilan completed or in follow-up, looked up by bilan (its primary key; LIMIT 1 keeps
        // PostgreSQL from turning the lookup into a join that scans every follow-up and every follow-up interview ever).
        var sql = $"""
            SELECT b.id, u.completion_date, u.delay_months
            FROM bilans b
            CROSS JOIN LATERAL (
                SELECT u.completion_date, u.delay_months
                FROM follow_ups u
                WHERE u.bilan_id = b.id
                  AND u.declined_date IS NULL
                  AND u.completion_date + make_interval(months => u.delay_months) <= @LastProposedDate
                  AND NOT EXISTS (SELECT 1 FROM interviews i
                                  WHERE i.bilan_id = u.bilan_id AND i.phase = @FollowUpPhase AND i.status IN (@Scheduled, @Held))
                LIMIT 1) u
            {conditions.Where}
            """;
        var rows = await query.Connection.QueryAsync<Row>(new CommandDefinition(sql, conditions.Parameters, cancellationToken: cancellationToken));
        return [.. rows
            .Select(row => (Row: row, Proposed: FollowUpRules.ProposedDate(row.CompletionDate, row.DelayMonths)))
            .Select(alert => (alert.Row, alert.Proposed, Due: AlertTiming.EndOfDay(alert.Proposed)))
            .Where(alert => AlertTiming.Shows(alert.Due, query.Now, query.Policy))
            .Select(alert =>
            {
                var (row, proposed, due) = alert;
                var severity = AlertTiming.SeverityOf(due, query.Now);
                return new AlertItem(AlertKind.FollowUpToSchedule, severity, SingletonName.Format(row.Id, FollowUpRecord.Segment), row.Id, DisplayName: null, due,
                    () => Word(proposed, severity));
            })];
    }

    private static AlertWording Word(DateOnly proposed, AlertSeverity severity) => severity == AlertSeverity.Overdue
        ? new($"Follow-up interview proposed for {AlertText.IsoDate(proposed)} (Code du travail R6313-4 3°) and still not scheduled: schedule it with the beneficiary, or record that they decline it.",
              $"Entretien de suivi proposé pour le {AlertText.FrenchDate(proposed)} (article R6313-4 3° du Code du travail) et toujours pas planifié : planifiez-le avec le bénéficiaire, ou notez qu'il le décline.")
        : new($"Follow-up interview proposed for {AlertText.IsoDate(proposed)} (Code du travail R6313-4 3°) and not scheduled yet: schedule it with the beneficiary, or record that they decline it.",
              $"Entretien de suivi proposé pour le {AlertText.FrenchDate(proposed)} (article R6313-4 3° du Code du travail) et pas encore planifié : planifiez-le avec le bénéficiaire, ou notez qu'il le décline.");

    private sealed record Row(Guid Id, DateOnly CompletionDate, short DelayMonths);
}
