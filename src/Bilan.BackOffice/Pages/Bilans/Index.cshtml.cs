using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Bilan.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BilanMessage = Bilan.Contracts.V1.Bilan;
using DomainState = Bilan.Domain.Bilans.BilanState;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The list of bilans, newest first, one page at a time (keyset paging), filtered by state, consultant,
/// beneficiary, organisation (admins) and a search on the beneficiary's name. Every filter lives in the URL.
/// </summary>
public sealed class IndexModel(
    BilanService.BilanServiceClient bilans,
    ConsultantService.ConsultantServiceClient consultants,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    OrganizationService.OrganizationServiceClient organizations,
    ILogger<IndexModel> logger) : PageModel
{
    /// <summary>How many bilans a page shows.</summary>
    public const int PageSize = 25;

    /// <summary>The longest search kept (longer text is cut).</summary>
    public const int SearchMaxLength = 100;

    /// <summary>The states the filter offers, with their French names, in the order of the life of a bilan.</summary>
    public static IReadOnlyList<StateOption> States { get; } =
        [.. Enum.GetValues<State>()
            .Where(state => state != State.Unspecified)
            .Select(state => new StateOption(ProtoNames.Of(state), FrenchNames.Of((DomainState)(int)state)))];

    /// <summary>The state filter: a proto state name (<c>STATE_PRELIMINARY</c>); anything else means all states.</summary>
    [BindProperty(SupportsGet = true, Name = "etat")]
    public string? Etat { get; set; }

    /// <summary>The consultant filter, <c>consultants/{uuid}</c>; anything else means all consultants.</summary>
    [BindProperty(SupportsGet = true, Name = "consultant")]
    public string? Consultant { get; set; }

    /// <summary>The beneficiary filter, <c>beneficiaries/{uuid}</c> (links from a beneficiary's page).</summary>
    [BindProperty(SupportsGet = true, Name = "beneficiaire")]
    public string? Beneficiaire { get; set; }

    /// <summary>The organisation filter, <c>organizations/{uuid}</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "organisation")]
    public string? Organisation { get; set; }

    /// <summary>The search: the start of the beneficiary's name (« mart », « camille m »).</summary>
    [BindProperty(SupportsGet = true, Name = "recherche")]
    public string? Recherche { get; set; }

    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The bilans of this page.</summary>
    public IReadOnlyList<BilanRow> Rows { get; private set; } = [];

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>The French error message, when the API refused or failed.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>The consultants the filter offers.</summary>
    public IReadOnlyList<NamedItem> Consultants { get; private set; } = [];

    /// <summary>The organisations the filter offers (admins only; empty otherwise).</summary>
    public IReadOnlyList<NamedItem> Organizations { get; private set; } = [];

    /// <summary>The name of the beneficiary filtered on, when known.</summary>
    public string? BeneficiaryFilterName { get; private set; }

    /// <summary>Whether the user may create bilans (admins).</summary>
    public bool MayCreate => User.IsInRole(SessionClaims.AdminRole);

    /// <summary>The state filter when it names a known state, otherwise null.</summary>
    public string? SelectedState => States.Any(option => option.Value == Etat) ? Etat : null;

    /// <summary>The consultant filter when well formed, otherwise null.</summary>
    public string? SelectedConsultant => ProtoNames.IsResourceName(Consultant, "consultants") ? Consultant : null;

    /// <summary>The beneficiary filter when well formed, otherwise null.</summary>
    public string? SelectedBeneficiary => ProtoNames.IsResourceName(Beneficiaire, "beneficiaries") ? Beneficiaire : null;

    /// <summary>The organisation filter when well formed, otherwise null.</summary>
    public string? SelectedOrganization => ProtoNames.IsResourceName(Organisation, "organizations") ? Organisation : null;

    /// <summary>The search, trimmed and cut to <see cref="SearchMaxLength"/>; null when empty.</summary>
    public string? Search => string.IsNullOrWhiteSpace(Recherche)
        ? null
        : Recherche.Trim() is var text && text.Length > SearchMaxLength ? text[..SearchMaxLength] : Recherche.Trim();

    /// <summary>The filters of this page as route values, for the next-page link (which keeps them all).</summary>
    public IDictionary<string, string> FilterRoute(string? pageToken = null)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        Put(route, "etat", SelectedState);
        Put(route, "consultant", SelectedConsultant);
        Put(route, "beneficiaire", SelectedBeneficiary);
        Put(route, "organisation", SelectedOrganization);
        Put(route, "recherche", Search);
        Put(route, "jeton", pageToken);
        return route;
    }

    /// <summary>The API filter for the chosen criteria: only well-formed values, the search quoted.</summary>
    public string BuildFilter()
    {
        var terms = new List<string>();
        if (SelectedState is { } state)
        {
            terms.Add($"state = {state}");
        }

        if (SelectedConsultant is { } consultant)
        {
            terms.Add($"consultant = {ProtoNames.Quoted(consultant)}");
        }

        if (SelectedBeneficiary is { } beneficiary)
        {
            terms.Add($"beneficiary = {ProtoNames.Quoted(beneficiary)}");
        }

        if (SelectedOrganization is { } organization)
        {
            terms.Add($"organization = {ProtoNames.Quoted(organization)}");
        }

        if (Search is { } search)
        {
            terms.Add($"beneficiary_name = {ProtoNames.Quoted(search.TrimEnd('*') + "*")}");
        }

        return string.Join(" AND ", terms);
    }

    /// <summary>Asks the API for one page of bilans. UNAUTHENTICATED goes to <c>SessionExpiredFilter</c>.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var consultantsTask = DirectoryLookups.ConsultantsAsync(consultants, cancellationToken);
        var organizationsTask = User.IsInRole(SessionClaims.AdminRole)
            ? DirectoryLookups.OrganizationsAsync(organizations, cancellationToken)
            : Task.FromResult<IReadOnlyList<NamedItem>>([]);

        var request = new ListBilansRequest { PageSize = PageSize, PageToken = Jeton ?? string.Empty, Filter = BuildFilter() };
        try
        {
            var response = await bilans.ListBilansAsync(request, cancellationToken: cancellationToken);
            Consultants = await consultantsTask;
            Organizations = await organizationsTask;
            var wanted = response.Bilans.Select(b => b.Beneficiary).Append(SelectedBeneficiary ?? string.Empty);
            var beneficiaryNames = await DirectoryLookups.BeneficiaryNamesAsync(beneficiaries, wanted, cancellationToken);
            var consultantNames = Consultants.ToDictionary(c => c.Name, c => c.DisplayName, StringComparer.Ordinal);
            Rows = [.. response.Bilans.Select(bilan => BilanRow.From(bilan, beneficiaryNames, consultantNames))];
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
            BeneficiaryFilterName = SelectedBeneficiary is { } chosen ? beneficiaryNames.GetValueOrDefault(chosen) : null;
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListBilans failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
            Consultants = await consultantsTask;
            Organizations = await organizationsTask;
        }
    }

    private static void Put(Dictionary<string, string> route, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            route[key] = value;
        }
    }
}

/// <summary>One state of the filter.</summary>
/// <param name="Value">The proto name sent to the API, for example <c>STATE_REQUESTED</c>.</param>
/// <param name="Label">The French name, for example « demandé ».</param>
public sealed record StateOption(string Value, string Label);

/// <summary>One bilan as the list shows it.</summary>
public sealed record BilanRow(string Name, string Id, string Beneficiary, string State, string Consultant, string PlannedStart, string Created)
{
    /// <summary>Words a bilan of the API for the list: French state, French dates, Paris time, ids where no name is known.</summary>
    public static BilanRow From(
        BilanMessage bilan,
        IReadOnlyDictionary<string, string>? beneficiaryNames = null,
        IReadOnlyDictionary<string, string>? consultantNames = null)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        return new BilanRow(
            bilan.Name,
            ProtoNames.IdOf(bilan.Name),
            beneficiaryNames?.GetValueOrDefault(bilan.Beneficiary) ?? ProtoNames.IdOf(bilan.Beneficiary),
            FrenchNames.Of((DomainState)(int)bilan.State),
            string.IsNullOrEmpty(bilan.Consultant)
                ? "non attribué"
                : consultantNames?.GetValueOrDefault(bilan.Consultant) ?? ProtoNames.IdOf(bilan.Consultant),
            CalendarDates.Format(bilan.PlannedStartDate),
            bilan.CreateTime is { } created ? ParisTime.Format(created.ToDateTimeOffset()) : "—");
    }
}
