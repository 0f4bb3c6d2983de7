using Bilan.Domain.Alerts;
using Bilan.Server.Auth;
using Npgsql;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// One kind of alert: its own SQL, run on each ListAlerts call. To add a kind, write one class implementing this
/// interface beside the others (its SQL scoped with <see cref="AlertQuery.ScopeBilans"/> when it is about bilans,
/// the beneficiary's name left to ListAlerts: <see cref="AlertItem.BilanId"/>),
/// add its value to the AlertKind enum of alert_service.proto, and register it in <see cref="AlertsSetup"/>.
/// </summary>
public interface IAlertSource
{
    /// <summary>The callers who see this kind: staff for bilan alerts, admins only for complaints.</summary>
    Callers VisibleTo { get; }

    /// <summary>The alerts of this kind that show now for the caller of <paramref name="query"/>.</summary>
    Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken);
}

/// <summary>What a source reads with: an open connection, the caller, the time, the policy.</summary>
public sealed record AlertQuery(NpgsqlConnection Connection, Caller Caller, DateTimeOffset Now, AlertPolicy Policy)
{
    /// <summary>Today in Paris.</summary>
    public DateOnly Today => Domain.FrenchCalendar.DateOf(Now);

    /// <summary>Conditions narrowing bilans (alias <c>b</c>) to the caller's: a consultant's own, everyone's for others.</summary>
    public Api.SqlConditions ScopeBilans()
    {
        var conditions = new Api.SqlConditions();
        Bilans.BilanAccess.Scope(Caller, conditions);
        return conditions;
    }
}

/// <summary>
/// One alert as a source computes it. <c>BilanId</c>: the bilan it is about, shown by its beneficiary's name; null for
/// an alert shown by a name of its own, <c>DisplayName</c> (a complaint's subject). <c>Due</c> is null for a warning
/// without a deadline. <c>Word</c> writes its messages. ListAlerts sorts and counts every alert, but reads the
/// beneficiaries' names and words the messages of the alerts it returns only.
/// </summary>
public sealed record AlertItem(
    AlertKind Kind, AlertSeverity Severity, string Subject, Guid? BilanId, string? DisplayName, DateTimeOffset? Due, Func<AlertWording> Word);

/// <summary>An alert's message in English, for integrators, and in French, for the back-office.</summary>
public sealed record AlertWording(string English, string French);
