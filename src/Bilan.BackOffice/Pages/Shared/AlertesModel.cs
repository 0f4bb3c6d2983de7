using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Grpc.Core;

namespace Bilan.BackOffice.Pages;

/// <summary>
/// The caller's alerts as <c>_Alertes.cshtml</c> shows them, in French: overdue first, then the soonest due. A page
/// loads it with <see cref="LoadAsync"/> and renders <c>&lt;partial name="_Alertes" model="Model.Alertes" /&gt;</c>.
/// </summary>
public sealed record AlertesModel(IReadOnlyList<AlerteRow> Rows, int TotalSize, string? ErrorMessage)
{
    /// <summary>How many alerts the dashboard asks for.</summary>
    public const int PageSize = 50;

    /// <summary>The alerts of an API answer.</summary>
    public static AlertesModel From(ListAlertsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new AlertesModel([.. response.Alerts.Select(AlerteRow.From)], response.TotalSize, null);
    }

    /// <summary>
    /// Asks the API for the signed-in user's alerts; a refusal or failure becomes a French message, so that the page
    /// around still shows. UNAUTHENTICATED goes to the session filter, as everywhere.
    /// </summary>
    public static async Task<AlertesModel> LoadAsync(AlertService.AlertServiceClient alerts, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        try
        {
            return From(await alerts.ListAlertsAsync(new ListAlertsRequest { PageSize = PageSize }, cancellationToken: cancellationToken));
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListAlerts failed: {StatusCode}", exception.StatusCode);
            return new AlertesModel([], 0, FrenchErrorPresenter.Present(exception).Message);
        }
    }
}

/// <summary>One alert in French: what, about whom, when due, how urgent, and where to act (the bilan's or the complaint's page).</summary>
public sealed record AlerteRow(string Kind, bool Overdue, string Severity, string Subject, string Label, string Due, string Message, string? Href)
{
    public static AlerteRow From(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var overdue = alert.Severity == AlertSeverity.Overdue;
        return new AlerteRow(
            KindLabel(alert.Kind),
            overdue,
            overdue ? "En retard" : "À venir",
            alert.Subject,
            alert.DisplayName,
            alert.DueTime is { } due ? DueLabel(due.ToDateTimeOffset()) : "—",
            alert.FrenchMessage,
            HrefOf(alert.Subject));
    }

    /// <summary>
    /// Where to act: a complaint's page, or the bilan's page for an alert about a bilan or a part of it
    /// (<c>bilans/{id}</c>, <c>bilans/{id}/fundings/{id}</c>, <c>bilans/{id}/convention</c>, ...); none otherwise.
    /// </summary>
    public static string? HrefOf(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.StartsWith("complaints/", StringComparison.Ordinal))
        {
            return $"/Qualite/Reclamations/{subject["complaints/".Length..]}";
        }

        return Guid.TryParseExact(ProtoNames.BilanIdOf(subject), "D", out var bilan) ? $"/Bilans/{bilan:D}" : null;
    }

    /// <summary>The French name of a kind; a kind this back-office does not know yet still shows, as « Alerte ».</summary>
    public static string KindLabel(AlertKind kind) => kind switch
    {
        AlertKind.PlannedHoursNearCap => "Heures prévues proches du maximum de 24 h",
        AlertKind.BilanIdle => "Bilan sans activité",
        AlertKind.ComplaintToAcknowledge => "Réclamation : accusé de réception",
        AlertKind.ComplaintToAnswer => "Réclamation : réponse",
        AlertKind.EdofDeadline => "Échéance EDOF (CPF)",
        AlertKind.ConventionSignature => "Convention tripartite : signature du salarié",
        AlertKind.WorkingTimeAuthorization => "Autorisation de l'employeur (CPF sur le temps de travail)",
        AlertKind.FollowUpToSchedule => "Entretien de suivi à planifier",
        _ => "Alerte",
    };

    /// <summary>
    /// A deadline that is a whole day (the API sends midnight, Paris time, after its last day) reads as that day, as the
    /// message says it ("au plus tard le 27/11/2026"); any other due time with its hour.
    /// </summary>
    public static string DueLabel(DateTimeOffset due) =>
        ParisTime.Time(due) == "00:00"
            ? ParisTime.Date(due.AddMinutes(-1)) + " (fin de journée)"
            : ParisTime.Format(due)[..16];
}
