using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Organisations;

/// <summary>The organisations (employers whose HR software calls the API), in alphabetical order.</summary>
public sealed class IndexModel(OrganizationService.OrganizationServiceClient organizations, ILogger<IndexModel> logger) : AdministrationPageModel
{
    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The organisations of this page.</summary>
    public IReadOnlyList<OrganizationRow> Rows { get; private set; } = [];

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>Shows one page of organisations.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await organizations.ListOrganizationsAsync(
                new ListOrganizationsRequest { PageSize = PageSize, PageToken = Jeton ?? string.Empty },
                cancellationToken: cancellationToken);
            Rows = [.. response.Organizations.Select(o => new OrganizationRow(IdOf(o.Name), o.DisplayName, string.IsNullOrEmpty(o.Siret) ? "—" : o.Siret))];
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListOrganizations failed: {StatusCode}", exception.StatusCode);
            ShowError(exception);
        }
    }
}

/// <summary>One organisation as the list shows it.</summary>
public sealed record OrganizationRow(string Id, string DisplayName, string Siret);
