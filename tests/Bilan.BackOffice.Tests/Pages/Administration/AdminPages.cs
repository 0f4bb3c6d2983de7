using Bilan.BackOffice.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Tests.Pages.Administration;

/// <summary>Helpers of the administration page-model tests: a page with a real context, canned API refusals.</summary>
internal static class AdminPages
{
    /// <summary>Gives <paramref name="page"/> a page context (model state, response headers).</summary>
    public static T WithContext<T>(T page)
        where T : PageModel
    {
        page.PageContext = new PageContext { HttpContext = new DefaultHttpContext() };
        return page;
    }

    /// <summary>An INVALID_ARGUMENT naming one bad field with its French message.</summary>
    public static RpcException Invalid(string field, string french) =>
        ApiCalls.Error(
            StatusCode.InvalidArgument,
            "Certaines informations sont invalides.",
            "INVALID_FIELDS",
            new BadRequest
            {
                FieldViolations =
                {
                    new BadRequest.Types.FieldViolation
                    {
                        Field = field,
                        Reason = "INVALID",
                        Description = "Invalid.",
                        LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = french },
                    },
                },
            });

    /// <summary>Whether <paramref name="value"/> is a UUID (a request_id made by the page).</summary>
    public static bool IsUuid(string value) => Guid.TryParse(value, out var _);

    /// <summary>An ABORTED: the etag sent is stale.</summary>
    public static RpcException Stale() =>
        ApiCalls.Error(StatusCode.Aborted, "L'élément a été modifié entre-temps.", "ETAG_MISMATCH");

    /// <summary>The French messages of one field of the page's model state.</summary>
    public static IReadOnlyList<string> Errors(PageModel page, string field) =>
        page.ModelState.TryGetValue(field, out var entry) ? [.. entry.Errors.Select(error => error.ErrorMessage)] : [];
}
