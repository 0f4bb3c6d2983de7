using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Beneficiaires;

/// <summary>The beneficiaries in alphabetical order, searched by name (or e-mail) and public category, one page at a time.</summary>
public sealed class IndexModel(BeneficiaryService.BeneficiaryServiceClient beneficiaries, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>How many beneficiaries a page shows.</summary>
    public const int PageSize = 25;

    /// <summary>The search typed: the beginning of a given or family name, or of an e-mail address when it holds an « @ ».</summary>
    [BindProperty(SupportsGet = true, Name = "recherche")]
    public string? Recherche { get; set; }

    /// <summary>The public category filter; unspecified means every category.</summary>
    [BindProperty(SupportsGet = true, Name = "categorie")]
    public PublicCategory? Categorie { get; set; }

    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The beneficiaries of this page.</summary>
    public IReadOnlyList<BeneficiaryRow> Rows { get; private set; } = [];

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>The French error message, when the API refused or failed.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>Asks the API for one page. UNAUTHENTICATED goes to <c>SessionExpiredFilter</c>.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = new ListBeneficiariesRequest { PageSize = PageSize, PageToken = Jeton ?? string.Empty, Filter = Filter() };
        try
        {
            var response = await beneficiaries.ListBeneficiariesAsync(request, cancellationToken: cancellationToken);
            Rows = [.. response.Beneficiaries.Select(BeneficiaryRow.From)];
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListBeneficiaries failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    /// <summary>The API filter: the search as a quoted prefix (escaped, never spliced raw), the category from the closed list.</summary>
    public string Filter()
    {
        var terms = new List<string>();
        var search = Recherche?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var field = search.Contains('@', StringComparison.Ordinal) ? "email" : "display_name";
            terms.Add($"{field} = {ProtoNames.Quoted(search + "*")}");
        }

        if (Categorie is { } category && category != PublicCategory.Unspecified && Enum.IsDefined(category))
        {
            terms.Add($"public_category = {ProtoNames.Of(category)}");
        }

        return string.Join(" AND ", terms);
    }
}

/// <summary>One beneficiary as the list shows it.</summary>
public sealed record BeneficiaryRow(string Id, string FullName, string Email, string Category, string Employer, string CurrentSituation)
{
    /// <summary>Words a beneficiary of the API for the list.</summary>
    public static BeneficiaryRow From(Beneficiary beneficiary)
    {
        ArgumentNullException.ThrowIfNull(beneficiary);
        return new BeneficiaryRow(
            ProtoNames.IdOf(beneficiary.Name),
            $"{beneficiary.FamilyName.ToUpperInvariant()} {beneficiary.GivenName}".Trim(),
            beneficiary.Email,
            BeneficiaryLabels.Of(beneficiary.PublicCategory),
            beneficiary.Employer?.DisplayName is { Length: > 0 } employer ? employer : "—",
            beneficiary.Situations.Count == 0 ? "—" : $"{beneficiary.Situations.Count} période(s)");
    }
}
