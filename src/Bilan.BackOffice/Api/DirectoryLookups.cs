using Bilan.Contracts.V1;
using Grpc.Core;

namespace Bilan.BackOffice.Api;

/// <summary>
/// The names staff read instead of ids: consultants (one list call), beneficiaries (one get per distinct
/// beneficiary, in parallel) and organisations. A name the API does not give stays unknown: the page shows the id.
/// </summary>
public static class DirectoryLookups
{
    /// <summary>The most consultants or organisations one list call reads (the API's maximum page size).</summary>
    public const int ListSize = 200;

    /// <summary>Consultant resource name to display name, in alphabetical order; empty when the API refuses.</summary>
    public static async Task<IReadOnlyList<NamedItem>> ConsultantsAsync(
        ConsultantService.ConsultantServiceClient consultants, CancellationToken cancellationToken)
    {
        try
        {
            var response = await consultants.ListConsultantsAsync(new ListConsultantsRequest { PageSize = ListSize }, cancellationToken: cancellationToken);
            return [.. response.Consultants.Select(c => new NamedItem(c.Name, c.DisplayName, c.Active))];
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            return [];
        }
    }

    /// <summary>Organisation resource name to display name (admins only); empty when the API refuses.</summary>
    public static async Task<IReadOnlyList<NamedItem>> OrganizationsAsync(
        OrganizationService.OrganizationServiceClient organizations, CancellationToken cancellationToken)
    {
        try
        {
            var response = await organizations.ListOrganizationsAsync(new ListOrganizationsRequest { PageSize = ListSize }, cancellationToken: cancellationToken);
            return [.. response.Organizations.Select(o => new NamedItem(o.Name, o.DisplayName, true))];
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            return [];
        }
    }

    /// <summary>Beneficiary resource name to « given family » for the distinct <paramref name="names"/>; unknown ones are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> BeneficiaryNamesAsync(
        BeneficiaryService.BeneficiaryServiceClient beneficiaries, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var distinct = names.Where(name => !string.IsNullOrEmpty(name)).Distinct(StringComparer.Ordinal).ToList();
        var found = await Task.WhenAll(distinct.Select(async name =>
        {
            try
            {
                var beneficiary = await beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = name }, cancellationToken: cancellationToken);
                return (name, DisplayName: DisplayNameOf(beneficiary));
            }
            catch (RpcException exception) when (exception.StatusCode != StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
            {
                return (name, DisplayName: string.Empty);
            }
        }));
        return found.Where(pair => pair.DisplayName.Length > 0).ToDictionary(pair => pair.name, pair => pair.DisplayName, StringComparer.Ordinal);
    }

    /// <summary>« Camille Martin ».</summary>
    public static string DisplayNameOf(Beneficiary beneficiary)
    {
        ArgumentNullException.ThrowIfNull(beneficiary);
        return $"{beneficiary.GivenName} {beneficiary.FamilyName}".Trim();
    }
}

/// <summary>A resource with the name staff read.</summary>
/// <param name="Name">The resource name, for example <c>consultants/{id}</c>.</param>
/// <param name="DisplayName">What staff read.</param>
/// <param name="Active">False for a consultant who no longer works on bilans.</param>
public sealed record NamedItem(string Name, string DisplayName, bool Active);
