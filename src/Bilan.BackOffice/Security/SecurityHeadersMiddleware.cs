using Microsoft.Net.Http.Headers;

namespace Bilan.BackOffice.Security;

/// <summary>
/// Adds the security headers to every response, pages, static files and error pages alike. The headers are set
/// when the response starts, so that the exception handler, which clears the headers, cannot drop them.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>Only this site's own resources; no framing, no plug-ins, forms posted only back here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    /// <summary>Adds the headers when the response starts, then calls the rest of the pipeline.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(
            static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers[HeaderNames.XFrameOptions] = "DENY";
                return Task.CompletedTask;
            },
            context.Response);

        return next(context);
    }
}
