using System.Globalization;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages;

/// <summary>The dashboard; for now it shows whether the API is up.</summary>
public sealed class IndexModel(ApiHealth apiHealth) : PageModel
{
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

    /// <summary>Checks the API's health.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Health = await apiHealth.CheckAsync(cancellationToken);
}
