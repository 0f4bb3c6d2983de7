using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages;

/// <summary>
/// Logging out: POST only (antiforgery-checked, like every POST); ends the API session, then the cookie. A GET
/// changes nothing and only offers the button.
/// </summary>
public sealed class DeconnexionModel(AuthService.AuthServiceClient auth, ILogger<DeconnexionModel> logger) : PageModel
{
    /// <summary>The login page's <c>raison</c> value after logging out.</summary>
    public const string Reason = "deconnexion";

    /// <summary>Shows the logout button.</summary>
    public void OnGet()
    {
    }

    /// <summary>Ends the API session (the interceptor sends its token), then signs out.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await auth.LogoutAsync(new LogoutRequest(), cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The cookie goes anyway; the API session then dies of its idle timeout.
            logger.LogWarning("Logout call to the API failed: {StatusCode}", exception.StatusCode);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/Connexion", new { raison = Reason });
    }
}
