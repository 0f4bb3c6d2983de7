using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Organisations;

/// <summary>Asks to confirm, then revokes an API key: the HR software using it is refused from its next call.</summary>
public sealed class RevoquerCleModel(OrganizationService.OrganizationServiceClient organizations, ILogger<RevoquerCleModel> logger) : AdministrationPageModel
{
    /// <summary>The organisation's id.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The key's id (the last segment of <c>organizations/{id}/apiKeys/{key}</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string Cle { get; set; } = string.Empty;

    /// <summary>The key's etag when the confirmation was shown.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>The key, as listed by the API; null when not found.</summary>
    public ApiKey? Key { get; private set; }

    /// <summary>Shows the key and asks to confirm.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Etag = Key?.Etag;
    }

    /// <summary>Revokes the key, then goes back to the organisation's keys.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var key = await organizations.RevokeApiKeyAsync(
                new RevokeApiKeyRequest { Name = KeyName, Etag = Etag ?? string.Empty, RequestId = NewRequestId() },
                cancellationToken: cancellationToken);
            Confirmation = $"La clé « {key.DisplayName} » est révoquée : le logiciel qui l’utilise sera refusé dès son prochain appel.";
            return RedirectToPage("/Administration/Organisations/Cles", new { id = Id });
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("RevokeApiKey failed: {StatusCode}", exception.StatusCode);
            ShowError(exception);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private string KeyName => $"organizations/{Id}/apiKeys/{Cle}";

    // There is no GetApiKey: the key is found among the organisation's (few) keys.
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var request = new ListApiKeysRequest { Parent = $"organizations/{Id}", PageSize = 200 };
            do
            {
                var response = await organizations.ListApiKeysAsync(request, cancellationToken: cancellationToken);
                Key = response.ApiKeys.FirstOrDefault(key => key.Name == KeyName);
                request.PageToken = response.NextPageToken;
            }
            while (Key is null && !string.IsNullOrEmpty(request.PageToken));

            if (Key is null && ErrorMessage is null)
            {
                ShowError(new RpcException(new Status(Grpc.Core.StatusCode.NotFound, "API key not found")));
            }
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListApiKeys failed: {StatusCode}", exception.StatusCode);
            if (ErrorMessage is null)
            {
                ShowError(exception);
            }
        }
    }
}
