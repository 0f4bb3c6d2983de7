using Bilan.BackOffice.Api;
using Bilan.BackOffice.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Administration;

/// <summary>
/// What every administration page shares: administrators only, and the API's refusals shown in French, each
/// field's message next to its field, with a reload link when someone else changed the record meanwhile
/// (ABORTED, stale etag). UNAUTHENTICATED is left to <see cref="SessionExpiredFilter"/>.
/// </summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public abstract class AdministrationPageModel : PageModel
{
    /// <summary>The French message shown when the record changed since the page was shown.</summary>
    public const string StaleMessage =
        "Quelqu’un d’autre a modifié cet élément pendant que vous le consultiez : rechargez la page pour voir sa version actuelle, puis recommencez.";

    /// <summary>How many rows a list shows per page.</summary>
    public const int PageSize = 50;

    /// <summary>The French message of the API's refusal, above the form or list; null when none.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>True when the API refused because the record changed meanwhile (ABORTED): the page offers a reload.</summary>
    public bool IsStale { get; private set; }

    /// <summary>A French confirmation from the previous action (after a redirect), shown once.</summary>
    [TempData]
    public string? Confirmation { get; set; }

    /// <summary>A new request_id, sent back with the form so that a double submission creates nothing twice.</summary>
    protected static string NewRequestId() => Guid.NewGuid().ToString();

    /// <summary>The request_id the form came back with, or a new one when it came without.</summary>
    protected static string RequestIdOr(string? sent) => string.IsNullOrEmpty(sent) ? NewRequestId() : sent;

    /// <summary>Keeps this answer out of the browser's and any proxy's cache: it shows a secret once.</summary>
    protected void NoStore()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }

    /// <summary>Whether <paramref name="exception"/> is an API refusal this page shows (everything but UNAUTHENTICATED).</summary>
    protected static bool Shown(RpcException exception) => exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated;

    /// <summary>Shows <paramref name="exception"/>: its French message, each field's next to its field, and whether it is stale.</summary>
    protected ApiError ShowError(RpcException exception, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var error = FrenchErrorPresenter.Present(exception, fieldNames);
        IsStale = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
        ErrorMessage = IsStale ? StaleMessage : error.Message;
        foreach (var (field, message) in error.FieldMessages)
        {
            ModelState.AddModelError(field, message);
        }

        return error;
    }

    /// <summary>The last segment of a resource name (<c>users/abc</c> → <c>abc</c>), used in page addresses.</summary>
    public static string IdOf(string resourceName) =>
        resourceName.Split('/') is [.., var last] && last.Length > 0 ? last : resourceName;

    /// <summary>The French date and Paris time of an API timestamp, or a dash.</summary>
    protected static string When(Google.Protobuf.WellKnownTypes.Timestamp? timestamp) =>
        timestamp is null ? "—" : Formatting.ParisTime.Format(timestamp.ToDateTimeOffset());
}
