using Bilan.Domain.Alerts;
using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Dapper;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// Bilans whose planned hours (interviews scheduled, at their planned length, and held, at their held length) reach the
/// policy threshold of the legal maximum of 24 hours (Code du travail L6313-4), while interviews may still be planned.
/// Due: the start of the next scheduled interview, when there is one.
/// </summary>
internal sealed class PlannedHoursNearCapAlerts : IAlertSource
{
    private const string CountedMinutes = """
        CASE i.status WHEN 1 THEN (extract(epoch FROM i.end_time - i.start_time) / 60)::int WHEN 2 THEN coalesce(i.held_minutes, 0) ELSE 0 END
        """;

    public Callers VisibleTo => Callers.Staff;

    public async Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var conditions = query.ScopeBilans();
        conditions.Add("b.state IN (1, 2, 3, 4)");
        // (A bilan without interviews has no sum: the comparison is null, the bilan is left out.)
        conditions.Add("p.planned_minutes >= @ThresholdMinutes", ("ThresholdMinutes", query.Policy.PlannedHoursThreshold * 60));
        conditions.Parameters.Add("Now", query.Now);
        // The interviews of each bilan in progress, summed bilan by bilan (interviews_by_bilan): joining them and
        // grouping would read the interviews of every bilan ever held.
        var sql = $"""
            SELECT b.id, p.planned_minutes::int AS planned_minutes, p.next_interview
            FROM bilans b
            CROSS JOIN LATERAL (
                SELECT sum({CountedMinutes}) AS planned_minutes,
                       min(i.start_time) FILTER (WHERE i.status = 1 AND i.start_time >= @Now) AS next_interview
                FROM interviews i WHERE i.bilan_id = b.id) p
            {conditions.Where}
            """;
        var rows = await query.Connection.QueryAsync<Row>(new CommandDefinition(sql, conditions.Parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => ToAlert(row, query.Now))];
    }

    private static AlertItem ToAlert(Row row, DateTimeOffset now)
    {
        DateTimeOffset? due = row.NextInterview is { } next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
        return new AlertItem(
            AlertKind.PlannedHoursNearCap,
            AlertTiming.SeverityOf(due, now),
            ResourceName.Format(BilanRecord.Collection, row.Id),
            row.Id,
            DisplayName: null,
            due,
            () => Word(row.PlannedMinutes, due));
    }

    private static AlertWording Word(int plannedMinutes, DateTimeOffset? nextInterview)
    {
        var left = Math.Max(0, (BilanPolicy.MaximumHours * 60) - plannedMinutes);
        var nextText = nextInterview is { } time ? $"; next interview on {AlertText.IsoDate(time)}" : "";
        var nextFrench = nextInterview is { } day ? $" ; prochain entretien le {AlertText.FrenchDate(day)}" : "";
        return new(
            $"{AlertText.Hours(plannedMinutes)} planned of the legal maximum of {BilanPolicy.MaximumHours} h (Code du travail L6313-4): {AlertText.Hours(left)} left{nextText}.",
            $"{AlertText.Hours(plannedMinutes)} planifiées sur {BilanPolicy.MaximumHours} h au plus (article L6313-4 du Code du travail) : il reste {AlertText.Hours(left)}{nextFrench}.");
    }

    private sealed record Row(Guid Id, int PlannedMinutes, DateTime? NextInterview);
}
