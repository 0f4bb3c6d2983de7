using System.Globalization;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Bilan.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DomainPhase = Bilan.Domain.Interviews.InterviewPhase;
using DomainState = Bilan.Domain.Bilans.BilanState;

namespace Bilan.BackOffice.Pages;

/// <summary>
/// The dashboard: the bilans the user may see per state (each a link to the filtered list), a consultant's next
/// interviews, the user's alerts (each about a bilan linking to it), and whether the API is up.
/// </summary>
public sealed class IndexModel(
    ApiHealth apiHealth, BilanService.BilanServiceClient bilans, AlertService.AlertServiceClient alerts, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>How many upcoming interviews a consultant sees.</summary>
    public const int UpcomingCount = 8;

    /// <summary>The outcome of the health check made for this request.</summary>
    public ApiHealthReport? Health { get; private set; }

    /// <summary>When the check was made, in Paris time (for example <c>27/11/2026 15:04:05</c>).</summary>
    public string CheckedAtParis => Health is null ? string.Empty : ParisTime.Format(Health.CheckedAt);

    /// <summary>When the check was made, in ISO 8601 UTC (for example <c>2026-11-27T14:04:05Z</c>), for <c>datetime</c>.</summary>
    public string CheckedAtIso =>
        Health?.CheckedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The CSS modifier that colours the status message.</summary>
    public string StatusModifier => Health?.Status switch
    {
        ApiHealthStatus.Available => "ok",
        ApiHealthStatus.Unavailable or ApiHealthStatus.Unknown => "warning",
        _ => "error",
    };

    /// <summary>The bilans per state, in the order of the life of a bilan.</summary>
    public IReadOnlyList<StateCount> StateCounts { get; private set; } = [];

    /// <summary>The user's next interviews (consultants only), soonest first.</summary>
    public IReadOnlyList<UpcomingRow> Upcoming { get; private set; } = [];

    /// <summary>Whether the next interviews are shown (the user is a consultant).</summary>
    public bool ShowsUpcoming { get; private set; }

    /// <summary>The French message when the summary could not be read.</summary>
    public string? SummaryError { get; private set; }

    /// <summary>The user's alerts (overdue first, then soonest due), or the French message when they could not be read.</summary>
    public AlertesModel Alertes { get; private set; } = new([], 0, null);

    /// <summary>Checks the API's health and reads the summary of the user's bilans.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Health = await apiHealth.CheckAsync(cancellationToken);
        ShowsUpcoming = User.IsInRole(SessionClaims.ConsultantRole);

        try
        {
            var summary = await bilans.SummarizeBilansAsync(
                new SummarizeBilansRequest { UpcomingInterviewCount = ShowsUpcoming ? UpcomingCount : 0 },
                cancellationToken: cancellationToken);
            StateCounts = [.. summary.StateCounts.Select(count => new StateCount(
                ProtoNames.Of(count.State),
                FrenchNames.Of((DomainState)(int)count.State),
                count.BilanCount))];
            Upcoming = ShowsUpcoming ? [.. summary.UpcomingInterviews.Select(UpcomingRow.From)] : [];
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("SummarizeBilans failed: {StatusCode}", exception.StatusCode);
            SummaryError = FrenchErrorPresenter.Present(exception).Message;
        }

        // A failure of the alerts shows a French message in their section; the rest of the dashboard stays.
        Alertes = await AlertesModel.LoadAsync(alerts, logger, cancellationToken);
    }
}

/// <summary>How many bilans are in one state.</summary>
/// <param name="State">The proto state name, for the link to the filtered list.</param>
/// <param name="Label">The French name of the state.</param>
/// <param name="Count">The number of bilans.</param>
public sealed record StateCount(string State, string Label, int Count);

/// <summary>One upcoming interview as the dashboard shows it.</summary>
public sealed record UpcomingRow(string BilanId, string Date, string Time, string Beneficiary, string Phase, int DurationMinutes)
{
    /// <summary>Words an upcoming interview of the API: Paris day and time, French phase.</summary>
    public static UpcomingRow From(UpcomingInterview upcoming)
    {
        ArgumentNullException.ThrowIfNull(upcoming);
        var interview = upcoming.Interview ?? new Interview();
        var start = interview.StartTime?.ToDateTimeOffset();
        return new UpcomingRow(
            ProtoNames.BilanIdOf(interview.Name),
            start is { } day ? ParisTime.Date(day) : "—",
            start is { } time ? ParisTime.Time(time) : "—",
            string.IsNullOrWhiteSpace(upcoming.BeneficiaryDisplayName) ? "bénéficiaire" : upcoming.BeneficiaryDisplayName,
            FrenchNames.Of((DomainPhase)(int)interview.Phase),
            interview.DurationMinutes);
    }
}
