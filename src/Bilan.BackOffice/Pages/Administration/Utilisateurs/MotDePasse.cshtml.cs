using System.ComponentModel.DataAnnotations;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Utilisateurs;

/// <summary>
/// Replaces a user's password with one the administrator chooses (the API generates none): it also lifts a
/// lockout and ends the user's sessions.
/// </summary>
public sealed class MotDePasseModel(UserService.UserServiceClient users, ILogger<MotDePasseModel> logger) : AdministrationPageModel
{
    /// <summary>The API field paths of ResetPassword mapped to this page's fields.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["new_password"] = nameof(NouveauMotDePasse),
    };

    /// <summary>The user's id (the last segment of <c>users/{id}</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The user's etag when the page was shown: a change by someone else meanwhile is refused.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>The request_id of this form.</summary>
    [BindProperty]
    public string? RequestId { get; set; }

    /// <summary>The new password; never shown back.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Saisissez le nouveau mot de passe.")]
    [DataType(DataType.Password)]
    [Display(Name = "Nouveau mot de passe")]
    public string? NouveauMotDePasse { get; set; }

    /// <summary>The user, as read from the API; null when it could not be read.</summary>
    public User? Utilisateur { get; private set; }

    /// <summary>Reads the user and shows the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RequestId = NewRequestId();
        await LoadAsync(cancellationToken);
        Etag = Utilisateur?.Etag;
    }

    /// <summary>Sets the new password, then goes back to the list.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var user = await users.ResetPasswordAsync(
                    new ResetPasswordRequest
                    {
                        Name = $"users/{Id}",
                        NewPassword = NouveauMotDePasse!,
                        Etag = Etag ?? string.Empty,
                        RequestId = string.IsNullOrEmpty(RequestId) ? NewRequestId() : RequestId,
                    },
                    cancellationToken: cancellationToken);
                Confirmation = $"Le mot de passe de {user.DisplayName} ({user.Email}) est réinitialisé : ses sessions en cours sont terminées. Communiquez-lui le nouveau mot de passe par un moyen sûr.";
                return RedirectToPage("/Administration/Utilisateurs/Index");
            }
            catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("ResetPassword failed: {StatusCode}", exception.StatusCode);
                ShowError(exception, FieldNames);
            }
        }

        NouveauMotDePasse = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Utilisateur = await users.GetUserAsync(new GetUserRequest { Name = $"users/{Id}" }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetUser failed: {StatusCode}", exception.StatusCode);
            if (ErrorMessage is null)
            {
                ShowError(exception);
            }
        }
    }
}
