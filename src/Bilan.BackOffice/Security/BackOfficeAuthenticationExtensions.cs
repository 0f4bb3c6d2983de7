using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Bilan.BackOffice.Security;

/// <summary>Cookie sign-in of staff users and the rule that every page needs one.</summary>
public static class BackOfficeAuthenticationExtensions
{
    /// <summary>The name of the authentication cookie.</summary>
    public const string CookieName = "bilan.session";

    /// <summary>The name of the antiforgery cookie.</summary>
    public const string AntiforgeryCookieName = "bilan.antiforgery";

    /// <summary>
    /// The idle time after which the back-office forgets a user: the API's default <c>idle_timeout</c>
    /// (30 minutes), so that the cookie and the API session die of inactivity together.
    /// </summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>Registers cookie authentication and the fallback policy (signed-in user required).</summary>
    public static IServiceCollection AddBackOfficeAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                // HttpOnly: no script reads it. SameSite=Lax: the browser sends it on a link followed from
                // another site (a link to a bilan in an e-mail opens signed in) but never on another site's
                // POST, form or fetch; Strict would show the login page on every such link, for no gain here,
                // since GET never changes anything and every POST also needs the antiforgery token.
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS (always, behind TLS); plain HTTP only serves
                // 127.0.0.1 in development.
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.IsEssential = true;

                // Sliding: each request renewing the cookie mirrors each API call renewing the API session.
                options.ExpireTimeSpan = IdleTimeout;
                options.SlidingExpiration = true;

                options.LoginPath = "/Connexion";
                options.LogoutPath = "/Deconnexion";
                options.AccessDeniedPath = "/Error/403";
                options.ReturnUrlParameter = "ReturnUrl";

                // A signed-in user without the role gets a plain 403 (the French error page, re-executed by the
                // status code pages), not a redirect that would answer 200.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };

                // The API session also ends at its absolute expire_time, however active the user is.
                options.Events.OnValidatePrincipal = async context =>
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    if (SessionClaims.ExpireTimeOf(context.Principal) is { } expireTime && expireTime <= now)
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });

        // The antiforgery cookie: its default is never Secure; make it Secure over HTTPS like the session's.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SessionClaims.AdminPolicy, policy => policy.RequireRole(SessionClaims.AdminRole));

        return services;
    }
}
