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
        conditions.Add("u.declined_date IS NULL");
        conditions.Add("""
            NOT EXISTS (SELECT 1 FROM interviews i WHERE i.bilan_id = b.id AND i.phase = @FollowUpPhase AND i.status IN (@Scheduled, @Held))
            """, ("FollowUpPhase", (short)InterviewPhase.FollowUp), ("Scheduled", (short)InterviewStatus.Scheduled), ("Held", (short)InterviewStatus.Held));
        // A first cut by day in SQL (the window plus a day of margin; PostgreSQL adds months as DateOnly.AddMonths does),
        // the exact one below.
        conditions.Add("u.completion_date + make_interval(months => u.delay_months) <= @LastProposedDate",
            ("LastProposedDate", query.Today.AddDays(query.Policy.UpcomingWindowDays + 1)));
        var sql = $"""
            SELECT b.id, be.given_name || ' ' || be.family_name AS beneficiary, u.completion_date, u.delay_months
            FROM follow_ups u
            JOIN bilans b ON b.id = u.bilan_id
            JOIN beneficiaries be ON be.id = b.beneficiary_id
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
                var (english, french) = severity == AlertSeverity.Overdue
                    ? ($"Follow-up interview proposed for {AlertText.IsoDate(proposed)} (Code du travail R6313-4 3°) and still not scheduled: schedule it with the beneficiary, or record that they decline it.",
                       $"Entretien de suivi proposé pour le {AlertText.FrenchDate(proposed)} (article R6313-4 3° du Code du travail) et toujours pas planifié : planifiez-le avec le bénéficiaire, ou notez qu'il le décline.")
                    : ($"Follow-up interview proposed for {AlertText.IsoDate(proposed)} (Code du travail R6313-4 3°) and not scheduled yet: schedule it with the beneficiary, or record that they decline it.",
                       $"Entretien de suivi proposé pour le {AlertText.FrenchDate(proposed)} (article R6313-4 3° du Code du travail) et pas encore planifié : planifiez-le avec le bénéficiaire, ou notez qu'il le décline.");
                return new AlertItem(AlertKind.FollowUpToSchedule, severity, SingletonName.Format(row.Id, FollowUpRecord.Segment), row.Beneficiary, due, english, french);
            })];
    }

    private sealed record Row(Guid Id, string Beneficiary, DateOnly CompletionDate, short DelayMonths);
}
