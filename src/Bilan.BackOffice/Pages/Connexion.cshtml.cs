using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages;

/// <summary>The login page: e-mail and password checked by AuthService.Login, then a cookie sign-in.</summary>
[AllowAnonymous]
public sealed class ConnexionModel(AuthService.AuthServiceClient auth, ILogger<ConnexionModel> logger) : PageModel
{
    /// <summary>The API field paths of Login mapped to this page's properties.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["email"] = nameof(Email),
        ["password"] = nameof(MotDePasse),
    };

    /// <summary>The e-mail address typed; kept when the login is refused.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre adresse e-mail.")]
    [Display(Name = "Adresse e-mail")]
    public string? Email { get; set; }

    /// <summary>The password typed; never sent back to the browser.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Saisissez votre mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe")]
    public string? MotDePasse { get; set; }

    /// <summary>Where to go after signing in (a local address only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the user lands here (<c>session-expiree</c>, <c>deconnexion</c>), for the notice.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Raison { get; set; }

    /// <summary>The French notice above the form, if any.</summary>
    public string? Notice => Raison switch
    {
        SessionExpiredFilter.Reason => "Votre session a expiré : connectez-vous à nouveau pour continuer.",
        DeconnexionModel.Reason => "Vous êtes déconnecté.",
        _ => null,
    };

    /// <summary>Shows the form; a signed-in user goes to the dashboard.</summary>
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true && Raison is null ? LocalRedirect(Destination) : Page();

    /// <summary>Checks the e-mail and password with the API and signs the user in.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Raison = null;
        if (!ModelState.IsValid)
        {
            MotDePasse = null;
            return Page();
        }

        LoginResponse login;
        try
        {
            login = await auth.LoginAsync(
                new LoginRequest { Email = Email!.Trim(), Password = MotDePasse! },
                cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Login refused by the API: {StatusCode}", exception.StatusCode);
            var error = FrenchErrorPresenter.Present(exception, FieldNames);
            var message = error.FromApi || exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated
                ? error.Message
                : "Adresse e-mail ou mot de passe incorrect.";
            ModelState.AddModelError(string.Empty, message);
            foreach (var (field, fieldMessage) in error.FieldMessages)
            {
                ModelState.AddModelError(field, fieldMessage);
            }

            MotDePasse = null;
            return Page();
        }

        var principal = SessionClaims.PrincipalFrom(login, CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            principal,
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });

        return LocalRedirect(Destination);
    }

    private string Destination => IsLocal(ReturnUrl) ? ReturnUrl! : "/";

    /// <summary>Only a path of this site: no scheme, no host, no protocol-relative <c>//</c> or <c>/\</c>.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
