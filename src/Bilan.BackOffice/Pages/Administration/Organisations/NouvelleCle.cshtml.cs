using System.ComponentModel.DataAnnotations;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Organisations;

/// <summary>
/// Creates an API key for an organisation and shows its secret once, in the answer to the POST itself: the
/// secret is never stored by the back-office, never put in an address, TempData or any cookie, and the answer
/// is not cached. A second submission of the same form (same request_id) gets the key without its secret.
/// </summary>
public sealed class NouvelleCleModel(OrganizationService.OrganizationServiceClient organizations, ILogger<NouvelleCleModel> logger) : AdministrationPageModel
{
    /// <summary>The API field paths of CreateApiKey mapped to this page's fields.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["api_key.display_name"] = nameof(NomAffiche),
    };

    /// <summary>The organisation's id (the last segment of <c>organizations/{id}</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>What the key is for (the HR product, the installation).</summary>
    [BindProperty]
    [Required(ErrorMessage = "Saisissez le nom de la clé (par exemple le nom du logiciel RH).")]
    [Display(Name = "Nom de la clé")]
    public string? NomAffiche { get; set; }

    /// <summary>The request_id of this form.</summary>
    [BindProperty]
    public string? RequestId { get; set; }

    /// <summary>The organisation; null when it could not be read.</summary>
    public Organization? Organisation { get; private set; }

    /// <summary>The key just created; null while the form is shown.</summary>
    public ApiKey? CleCreee { get; private set; }

    /// <summary>The key's secret, only in the answer that created it; empty when this submission was a repeat.</summary>
    public string? Secret { get; private set; }

    /// <summary>Shows the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RequestId = NewRequestId();
        await LoadOrganizationAsync(cancellationToken);
    }

    /// <summary>Creates the key and shows its secret once.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Neither this answer nor the secret in it may be kept by the browser or a proxy.
        NoStore();
        await LoadOrganizationAsync(cancellationToken);
        if (!ModelState.IsValid || Organisation is null)
        {
            return Page();
        }

        try
        {
            var created = await organizations.CreateApiKeyAsync(
                new CreateApiKeyRequest
                {
                    Parent = Organisation.Name,
                    ApiKey = new ApiKey { DisplayName = NomAffiche!.Trim() },
                    RequestId = RequestIdOr(RequestId),
                },
                cancellationToken: cancellationToken);
            CleCreee = created.ApiKey;
            Secret = created.Secret;
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("CreateApiKey failed: {StatusCode}", exception.StatusCode);
            ShowError(exception, FieldNames);
        }

        return Page();
    }

    private async Task LoadOrganizationAsync(CancellationToken cancellationToken)
    {
        try
        {
            Organisation = await organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = $"organizations/{Id}" }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetOrganization failed: {StatusCode}", exception.StatusCode);
            ShowError(exception);
        }
    }
}
