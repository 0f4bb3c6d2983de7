using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Bilan.BackOffice.Security;

/// <summary>Cookie sign-in of staff users and the rule that every page needs one.</summary>
public static class BackOfficeAuthenticationExtensions
{
    /// <summary>The name of the authentication cookie.</summary>
    public const string CookieName = "bilan.session";

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
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Cookie.IsEssential = true;

                // Sliding: each request renewing the cookie mirrors each API call renewing the API session.
                options.ExpireTimeSpan = IdleTimeout;
                options.SlidingExpiration = true;

                options.LoginPath = "/Connexion";
                options.LogoutPath = "/Deconnexion";
                options.AccessDeniedPath = "/Error/403";
                options.ReturnUrlParameter = "ReturnUrl";

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

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SessionClaims.AdminPolicy, policy => policy.RequireRole(SessionClaims.AdminRole));

        return services;
    }
}
