using Microsoft.Net.Http.Headers;

namespace Bilan.BackOffice.Security;

/// <summary>
/// Adds the security headers to every response, pages, static files and error pages alike. The headers are set
/// when the response starts, so that the exception handler, which clears the headers, cannot drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>
    /// Only this site's own resources: scripts and styles from files of this site, never inline (no
    /// <c>'unsafe-inline'</c>, so an injected <c>&lt;script&gt;</c> or <c>style=</c> does not run); no framing by
    /// anyone (clickjacking), no plug-ins, forms posted only back here, no <c>&lt;base&gt;</c> elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; "
        + "base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>
    /// The full address only to this site's own pages; other sites get nothing, so that a resource name in an
    /// address (<c>/Bilans/…</c>) never leaves the back-office.
    /// </summary>
    public const string ReferrerPolicy = "same-origin";

    /// <summary>Adds the headers when the response starts, then calls the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(
            static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = ReferrerPolicy;
                headers[HeaderNames.XFrameOptions] = "DENY";
                return Task.CompletedTask;
            },
            context.Response);

        return next(context);
    }
}
