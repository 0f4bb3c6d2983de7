using Bilan.Domain;
using Bilan.Domain.Alerts;
using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Dapper;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// Bilans in progress (preliminary, investigation or conclusion phase) without any event in their history for a while,
/// and with no interview scheduled ahead. Due: the last event + the policy's idle days (21 by default); shown from the
/// upcoming window before.
/// </summary>
internal sealed class IdleBilanAlerts : IAlertSource
{
    public Callers VisibleTo => Callers.Staff;

    public async Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var conditions = query.ScopeBilans();
        conditions.Add("b.state IN (2, 3, 4)");
        conditions.Add("n.start_time IS NULL", ("Now", query.Now));
        // Shown from (idle days - window) days without activity: the last event at or before that many days ago.
        // (A bilan without events has no last activity: the comparison is null, the bilan is left out.)
        conditions.Add("e.last_activity <= @ShowFrom",
            ("ShowFrom", query.Now.AddDays(-(query.Policy.IdleDays - query.Policy.UpcomingWindowDays))));
        // The last event and a next scheduled interview (n: none) of each bilan in progress, looked up by bilan
        // (bilan_events_by_bilan_time, interviews_by_bilan). Joining the events and grouping them would read the whole history
        // of every bilan; NOT EXISTS lets PostgreSQL, which expects few scheduled interviews, compare each bilan with
        // every one of them (LIMIT 1 keeps the lookup a lookup).
        var sql = $"""
            SELECT b.id, b.state, e.last_activity
            FROM bilans b
            CROSS JOIN LATERAL (SELECT max(e.create_time) AS last_activity FROM bilan_events e WHERE e.bilan_id = b.id) e
            LEFT JOIN LATERAL (
                SELECT i.start_time FROM interviews i WHERE i.bilan_id = b.id AND i.status = 1 AND i.start_time >= @Now LIMIT 1) n ON true
            {conditions.Where}
            """;
        var rows = await query.Connection.QueryAsync<Row>(new CommandDefinition(sql, conditions.Parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => ToAlert(row, query))];
    }

    private static AlertItem ToAlert(Row row, AlertQuery query)
    {
        var last = new DateTimeOffset(row.LastActivity, TimeSpan.Zero);
        var due = last.AddDays(query.Policy.IdleDays);
        return new AlertItem(
            AlertKind.BilanIdle,
            AlertTiming.SeverityOf(due, query.Now),
            ResourceName.Format(BilanRecord.Collection, row.Id),
            row.Id,
            DisplayName: null,
            due,
            () => Word((BilanState)row.State, last, (int)(query.Now - last).TotalDays));
    }

    private static AlertWording Word(BilanState state, DateTimeOffset last, int days) => new(
        $"No activity for {days} days ({ApiNames.Of(state)}, last event on {AlertText.IsoDate(last)}) and no interview scheduled: plan the next step.",
        $"Aucune activité depuis {days} jours ({FrenchNames.Of(state)}, dernier événement le {AlertText.FrenchDate(last)}) et aucun entretien prévu : planifiez la suite.");

    private sealed record Row(Guid Id, short State, DateTime LastActivity);
}
