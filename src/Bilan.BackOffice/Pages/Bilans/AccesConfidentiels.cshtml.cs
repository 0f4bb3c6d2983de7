using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// Who read the bilan's synthesis or interview notes, oldest first (ListConfidentialAccesses): administrators only,
/// as the API allows. Readers are named from UserService; an API client by its key and organisation.
/// </summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class AccesConfidentielsModel(
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    SynthesisService.SynthesisServiceClient syntheses,
    UserService.UserServiceClient users,
    ILogger<AccesConfidentielsModel> logger) : PageModel, IBilanDossierPage
{
    /// <summary>How many entries a page shows.</summary>
    public const int PageSize = 50;

    /// <summary>The bilan's id (a UUID), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The bilan's heading; null when the bilan could not be read.</summary>
    public BilanHeading? Heading { get; private set; }

    /// <inheritdoc />
    public string BilanId => Id;

    /// <summary>The reads of this page.</summary>
    public IReadOnlyList<AccessRow> Rows { get; private set; } = [];

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>The French error message, when the API refused or failed.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>Reads one page of the access log and names the readers.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Heading = await BilanHeading.LoadAsync(bilans, beneficiaries, Id, cancellationToken);
            var response = await syntheses.ListConfidentialAccessesAsync(
                new ListConfidentialAccessesRequest { Parent = $"bilans/{Id}", PageSize = PageSize, PageToken = Jeton ?? string.Empty },
                cancellationToken: cancellationToken);
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var rows = new List<AccessRow>();
            foreach (var access in response.ConfidentialAccesses)
            {
                if (!names.TryGetValue(access.Actor, out var reader))
                {
                    reader = await ReaderNameAsync(access.Actor, cancellationToken);
                    names[access.Actor] = reader;
                }

                rows.Add(new AccessRow(
                    CalendarDates.Format(access.AccessTime),
                    reader,
                    ConfidentialLabels.Of(access.Role),
                    WhatWasRead(access.Resource),
                    string.IsNullOrEmpty(access.DisclosureConsent) ? "—" : $"accord {ProtoNames.IdOf(access.DisclosureConsent)}"));
            }

            Rows = rows;
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListConfidentialAccesses failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    /// <summary>What an entry's resource is, in French.</summary>
    public static string WhatWasRead(string resource) =>
        resource.EndsWith("/synthesis", StringComparison.Ordinal)
            ? "la synthèse"
            : resource.Contains("/interviews/", StringComparison.Ordinal)
                ? $"les notes de l’entretien {(resource.Split('/') is [_, _, _, var interview, ..] ? interview : resource)}"
                : resource;

    private async Task<string> ReaderNameAsync(string actor, CancellationToken cancellationToken)
    {
        if (actor.StartsWith("organizations/", StringComparison.Ordinal))
        {
            return actor.Split('/') is [_, var organization, _, var key]
                ? $"clé d’API {key} de l’organisation {organization}"
                : actor;
        }

        try
        {
            var user = await users.GetUserAsync(new GetUserRequest { Name = actor }, cancellationToken: cancellationToken);
            return string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : $"{user.DisplayName} ({user.Email})";
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            return actor;
        }
    }
}

/// <summary>One read of confidential content as the log page shows it.</summary>
public sealed record AccessRow(string When, string Reader, string Role, string What, string Consent);
