using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Organisations;

/// <summary>Edits an organisation's name and SIRET; a change by someone else meanwhile is refused.</summary>
public sealed class ModifierModel(OrganizationService.OrganizationServiceClient organizations, ILogger<ModifierModel> logger) : AdministrationPageModel
{
    /// <summary>The organisation's id (the last segment of <c>organizations/{id}</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>What the administrator typed; kept when the API refuses.</summary>
    [BindProperty]
    public OrganizationInput Saisie { get; set; } = new();

    /// <summary>False when the organisation could not be read: the page shows the error only.</summary>
    public bool Found { get; private set; } = true;

    /// <summary>Reads the organisation into the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var organization = await organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = $"organizations/{Id}" }, cancellationToken: cancellationToken);
            Saisie = new OrganizationInput
            {
                NomAffiche = organization.DisplayName,
                Siret = organization.Siret,
                Etag = organization.Etag,
                RequestId = NewRequestId(),
            };
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetOrganization failed: {StatusCode}", exception.StatusCode);
            Found = false;
            ShowError(exception);
        }
    }

    /// <summary>Saves the name and SIRET (an empty SIRET removes it), then goes back to the list.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var organization = await organizations.UpdateOrganizationAsync(
                new UpdateOrganizationRequest
                {
                    Organization = new Organization
                    {
                        Name = $"organizations/{Id}",
                        DisplayName = Saisie.NomAffiche!.Trim(),
                        Siret = Saisie.SiretForApi,
                        Etag = Saisie.Etag ?? string.Empty,
                    },
                    UpdateMask = new FieldMask { Paths = { "display_name", "siret" } },
                    RequestId = RequestIdOr(Saisie.RequestId),
                },
                cancellationToken: cancellationToken);
            Confirmation = $"L’organisation {organization.DisplayName} est enregistrée.";
            return RedirectToPage("/Administration/Organisations/Index");
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("UpdateOrganization failed: {StatusCode}", exception.StatusCode);
            ShowError(exception, OrganizationInput.FieldNames);
            return Page();
        }
    }
}
