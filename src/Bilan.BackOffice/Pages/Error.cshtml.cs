using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages;

/// <summary>
/// The French error page: unhandled exceptions (outside Development) and error status codes such as 404 land here.
/// It never shows what went wrong, only a reference support can look up in the logs.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
[AllowAnonymous]
public sealed class ErrorModel : PageModel
{
    /// <summary>The status code re-executed by the status code pages middleware, if any.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Code { get; set; }

    /// <summary>True when the requested page does not exist.</summary>
    public bool IsNotFound => Code == StatusCodes.Status404NotFound;

    /// <summary>True when the signed-in user's role does not allow the page.</summary>
    public bool IsForbidden => Code == StatusCodes.Status403Forbidden;

    /// <summary>The heading.</summary>
    public string Heading => IsNotFound ? "Page introuvable" : IsForbidden ? "Accès refusé" : "Une erreur est survenue";

    /// <summary>What happened and what to do, in plain French.</summary>
    public string Explanation => IsNotFound
        ? "La page demandée n’existe pas ou a été déplacée."
        : IsForbidden
            ? "Votre rôle ne permet pas d’ouvrir cette page. Si vous en avez besoin, demandez-le à un administrateur."
            : "Votre demande n’a pas pu aboutir. Réessayez dans quelques instants ; si le problème persiste, contactez le support.";

    /// <summary>A reference that matches the server logs.</summary>
    public string RequestId => Activity.Current?.Id ?? HttpContext.TraceIdentifier;
}
