using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Organisations;

/// <summary>Creates an organisation.</summary>
public sealed class NouvelleModel(OrganizationService.OrganizationServiceClient organizations, ILogger<NouvelleModel> logger) : AdministrationPageModel
{
    /// <summary>What the administrator typed; kept when the API refuses.</summary>
    [BindProperty]
    public OrganizationInput Saisie { get; set; } = new();

    /// <summary>Shows the empty form.</summary>
    public void OnGet() => Saisie = new OrganizationInput { RequestId = NewRequestId() };

    /// <summary>Creates the organisation, then shows its API keys (none yet).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var organization = await organizations.CreateOrganizationAsync(
                new CreateOrganizationRequest
                {
                    Organization = new Organization { DisplayName = Saisie.NomAffiche!.Trim(), Siret = Saisie.SiretForApi },
                    RequestId = RequestIdOr(Saisie.RequestId),
                },
                cancellationToken: cancellationToken);
            Confirmation = $"L’organisation {organization.DisplayName} est créée.";
            return RedirectToPage("/Administration/Organisations/Cles", new { id = IdOf(organization.Name) });
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("CreateOrganization failed: {StatusCode}", exception.StatusCode);
            ShowError(exception, OrganizationInput.FieldNames);
            return Page();
        }
    }
}
