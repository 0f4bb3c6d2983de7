using System.Globalization;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Bilan.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BilanMessage = Bilan.Contracts.V1.Bilan;
using DomainState = Bilan.Domain.Bilans.BilanState;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>The list of bilans, newest first, filtered by state, one page at a time (keyset paging).</summary>
public sealed class IndexModel(BilanService.BilanServiceClient bilans, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>How many bilans a page shows.</summary>
    public const int PageSize = 25;

    /// <summary>The states the filter offers, with their French names, in the order of the life of a bilan.</summary>
    public static IReadOnlyList<StateOption> States { get; } =
        [.. Enum.GetValues<State>()
            .Where(state => state != State.Unspecified)
            .Select(state => new StateOption(ProtoName(state), FrenchNames.Of((DomainState)(int)state)))];

    /// <summary>The state filter: a proto state name (<c>STATE_PRELIMINARY</c>); anything else means all states.</summary>
    [BindProperty(SupportsGet = true, Name = "etat")]
    public string? Etat { get; set; }

    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The bilans of this page.</summary>
    public IReadOnlyList<BilanRow> Rows { get; private set; } = [];

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>The French error message, when the API refused or failed.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>The state filter when it names a known state, otherwise null.</summary>
    public string? SelectedState => States.Any(option => option.Value == Etat) ? Etat : null;

    /// <summary>Asks the API for one page of bilans. UNAUTHENTICATED goes to <c>SessionExpiredFilter</c>.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = new ListBilansRequest { PageSize = PageSize, PageToken = Jeton ?? string.Empty };
        if (SelectedState is { } state)
        {
            // Only a value from the closed list reaches the filter: nothing typed by a user is copied into it.
            request.Filter = $"state = {state}";
        }

        try
        {
            var response = await bilans.ListBilansAsync(request, cancellationToken: cancellationToken);
            Rows = [.. response.Bilans.Select(BilanRow.From)];
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListBilans failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    private static string ProtoName(State state) =>
        BilanMessage.Descriptor.EnumTypes.Single(type => type.Name == "State").FindValueByNumber((int)state).Name;
}

/// <summary>One state of the filter.</summary>
/// <param name="Value">The proto name sent to the API, for example <c>STATE_REQUESTED</c>.</param>
/// <param name="Label">The French name, for example « demandé ».</param>
public sealed record StateOption(string Value, string Label);

/// <summary>One bilan as the list shows it.</summary>
public sealed record BilanRow(string Name, string Id, string Beneficiary, string State, string Consultant, string PlannedStart, string Created)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Words a bilan of the API for the list: French state, French dates, Paris time.</summary>
    public static BilanRow From(BilanMessage bilan)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        return new BilanRow(
            bilan.Name,
            LastSegment(bilan.Name),
            LastSegment(bilan.Beneficiary),
            FrenchNames.Of((DomainState)(int)bilan.State),
            string.IsNullOrEmpty(bilan.Consultant) ? "non attribué" : LastSegment(bilan.Consultant),
            bilan.PlannedStartDate is { Year: > 0 } date
                ? new DateOnly(date.Year, date.Month, date.Day).ToString("dd/MM/yyyy", French)
                : "—",
            bilan.CreateTime is { } created ? ParisTime.Format(created.ToDateTimeOffset()) : "—");
    }

    private static string LastSegment(string resourceName) =>
        resourceName.Split('/') is [.., var last] && last.Length > 0 ? last : resourceName;
}
