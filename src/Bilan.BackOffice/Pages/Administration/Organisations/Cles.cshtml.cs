using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Organisations;

/// <summary>An organisation's API keys, newest first: name, prefix, dates, revoked or not. Never a secret.</summary>
public sealed class ClesModel(OrganizationService.OrganizationServiceClient organizations, ILogger<ClesModel> logger) : AdministrationPageModel
{
    /// <summary>The organisation's id (the last segment of <c>organizations/{id}</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The organisation; null when it could not be read.</summary>
    public Organization? Organisation { get; private set; }

    /// <summary>The keys of this page.</summary>
    public IReadOnlyList<ApiKeyRow> Rows { get; private set; } = [];

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>Reads the organisation and one page of its keys.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var name = $"organizations/{Id}";
            Organisation = await organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = name }, cancellationToken: cancellationToken);
            var response = await organizations.ListApiKeysAsync(
                new ListApiKeysRequest { Parent = name, PageSize = PageSize, PageToken = Jeton ?? string.Empty },
                cancellationToken: cancellationToken);
            Rows = [.. response.ApiKeys.Select(ApiKeyRow.From)];
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reading an organisation's API keys failed: {StatusCode}", exception.StatusCode);
            ShowError(exception);
        }
    }
}

/// <summary>One API key as the list shows it.</summary>
public sealed record ApiKeyRow(string Id, string DisplayName, string Prefix, string Created, string LastUsed, string Revoked, bool IsRevoked)
{
    /// <summary>Words a key of the API: French dates in Paris time.</summary>
    public static ApiKeyRow From(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ApiKeyRow(
            AdministrationPageModel.IdOf(key.Name),
            key.DisplayName,
            key.KeyPrefix,
            Format(key.CreateTime),
            key.LastUsedTime is null ? "jamais" : Format(key.LastUsedTime),
            key.RevokeTime is null ? "active" : $"révoquée le {Format(key.RevokeTime)}",
            key.RevokeTime is not null);
    }

    private static string Format(Google.Protobuf.WellKnownTypes.Timestamp? timestamp) =>
        timestamp is null ? "—" : Formatting.ParisTime.Format(timestamp.ToDateTimeOffset());
}
