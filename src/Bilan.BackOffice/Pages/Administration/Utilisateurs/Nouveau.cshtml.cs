using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Utilisateurs;

/// <summary>Creates a staff account with its role (and, for a consultant, the consultant they are) and first password.</summary>
public sealed class NouveauModel(
    UserService.UserServiceClient users,
    ConsultantService.ConsultantServiceClient consultants,
    ILogger<NouveauModel> logger) : AdministrationPageModel
{
    /// <summary>The API field paths of CreateUser mapped to this page's fields.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["user.email"] = "Saisie.Email",
        ["user.display_name"] = "Saisie.NomAffiche",
        ["user.role"] = "Saisie.Role",
        ["user.consultant"] = "Saisie.Consultant",
        ["password"] = "Saisie.MotDePasse",
    };

    /// <summary>The roles offered, with their French names.</summary>
    public static IReadOnlyList<RoleOption> Roles { get; } =
    [
        new(SessionClaims.AdminRole, "Administrateur", StaffRole.Admin),
        new(SessionClaims.ConsultantRole, "Consultant", StaffRole.Consultant),
        new(SessionClaims.SupportRole, "Support", StaffRole.Support),
    ];

    /// <summary>What the administrator typed; kept when the API refuses, the password excepted.</summary>
    [BindProperty]
    public UserInput Saisie { get; set; } = new();

    /// <summary>The active consultants a consultant user may be linked to.</summary>
    public IReadOnlyList<ConsultantOption> Consultants { get; private set; } = [];

    /// <summary>Shows the empty form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Saisie = new UserInput { RequestId = NewRequestId() };
        await LoadConsultantsAsync(cancellationToken);
    }

    /// <summary>Creates the user, then goes back to the list.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var role = Roles.FirstOrDefault(option => option.Value == Saisie.Role);
        if (!string.IsNullOrEmpty(Saisie.Role) && role is null)
        {
            ModelState.AddModelError("Saisie.Role", "Choisissez un rôle dans la liste.");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var user = await users.CreateUserAsync(
                    new CreateUserRequest
                    {
                        User = new User
                        {
                            Email = Saisie.Email!.Trim(),
                            DisplayName = Saisie.NomAffiche!.Trim(),
                            Role = role!.Role,
                            Consultant = role.Role == StaffRole.Consultant && !string.IsNullOrEmpty(Saisie.Consultant)
                                ? $"consultants/{Saisie.Consultant}"
                                : string.Empty,
                        },
                        Password = Saisie.MotDePasse!,
                        RequestId = RequestIdOr(Saisie.RequestId),
                    },
                    cancellationToken: cancellationToken);
                Confirmation = $"Le compte de {user.DisplayName} ({user.Email}) est créé, avec le rôle {SessionClaims.FrenchRole(SessionClaims.RoleOf(user.Role))}.";
                return RedirectToPage("/Administration/Utilisateurs/Index");
            }
            catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("CreateUser failed: {StatusCode}", exception.StatusCode);
                ShowError(exception, FieldNames);
            }
        }

        // The password is never sent back to the browser.
        Saisie.MotDePasse = null;
        await LoadConsultantsAsync(cancellationToken);
        return Page();
    }

    private async Task LoadConsultantsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await consultants.ListConsultantsAsync(
                new ListConsultantsRequest { PageSize = 200, Filter = "active = true" },
                cancellationToken: cancellationToken);
            Consultants = [.. response.Consultants.Select(c => new ConsultantOption(IdOf(c.Name), $"{c.DisplayName} ({c.Email})"))];
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListConsultants failed: {StatusCode}", exception.StatusCode);
            if (ErrorMessage is null)
            {
                ShowError(exception);
            }
        }
    }
}

/// <summary>The fields of the new user form.</summary>
public sealed class UserInput
{
    /// <summary>The e-mail address the user logs in with.</summary>
    [Required(ErrorMessage = "Saisissez l’adresse e-mail.")]
    [Display(Name = "Adresse e-mail")]
    public string? Email { get; set; }

    /// <summary>The name shown to staff.</summary>
    [Required(ErrorMessage = "Saisissez le nom.")]
    [Display(Name = "Nom")]
    public string? NomAffiche { get; set; }

    /// <summary>The role claim value: admin, consultant or support.</summary>
    [Required(ErrorMessage = "Choisissez un rôle.")]
    [Display(Name = "Rôle")]
    public string? Role { get; set; }

    /// <summary>The id of the consultant a consultant user is.</summary>
    [Display(Name = "Consultant")]
    public string? Consultant { get; set; }

    /// <summary>The first password; never shown back.</summary>
    [Required(ErrorMessage = "Saisissez un mot de passe initial.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mot de passe initial")]
    public string? MotDePasse { get; set; }

    /// <summary>The request_id of this form, so that a double submission creates one user.</summary>
    public string? RequestId { get; set; }
}

/// <summary>A role of the form's list.</summary>
/// <param name="Value">The value posted.</param>
/// <param name="Label">The French name.</param>
/// <param name="Role">The API role.</param>
public sealed record RoleOption(string Value, string Label, StaffRole Role);

/// <summary>A consultant of the form's list.</summary>
/// <param name="Id">The consultant's id.</param>
/// <param name="Label">Name and e-mail.</param>
public sealed record ConsultantOption(string Id, string Label);
