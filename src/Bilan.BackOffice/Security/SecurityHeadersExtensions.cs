namespace Bilan.BackOffice.Security;

/// <summary>Adds <see cref="SecurityHeadersMiddleware"/> to the pipeline.</summary>
public static class SecurityHeadersExtensions
{
    /// <summary>Adds the security headers to every response; call it first in the pipeline.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}
