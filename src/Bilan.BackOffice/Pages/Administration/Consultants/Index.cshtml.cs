using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Consultants;

/// <summary>The provider's consultants, active and inactive, in alphabetical order.</summary>
public sealed class IndexModel(ConsultantService.ConsultantServiceClient consultants, ILogger<IndexModel> logger) : AdministrationPageModel
{
    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The consultants of this page.</summary>
    public IReadOnlyList<ConsultantRow> Rows { get; private set; } = [];

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>Shows one page of consultants.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await consultants.ListConsultantsAsync(
                new ListConsultantsRequest { PageSize = PageSize, PageToken = Jeton ?? string.Empty },
                cancellationToken: cancellationToken);
            Rows = [.. response.Consultants.Select(c => new ConsultantRow(IdOf(c.Name), c.DisplayName, c.Email, c.Active ? "actif" : "inactif"))];
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListConsultants failed: {StatusCode}", exception.StatusCode);
            ShowError(exception);
        }
    }
}

/// <summary>One consultant as the list shows them.</summary>
public sealed record ConsultantRow(string Id, string DisplayName, string Email, string State);
