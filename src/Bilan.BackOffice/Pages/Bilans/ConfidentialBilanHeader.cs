using Bilan.Contracts.V1;
using Bilan.Domain;
using Grpc.Core;
using DomainState = Bilan.Domain.Bilans.BilanState;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// What the bilan's confidential pages show above their content: whose bilan it is and where it stands. Metadata
/// only, which every staff role may read.
/// </summary>
/// <param name="Id">The bilan's id (a UUID).</param>
/// <param name="State">The bilan's state.</param>
/// <param name="BeneficiaryName">The beneficiary's given and family name.</param>
/// <param name="BeneficiaryId">The beneficiary's id, for the link to their page.</param>
/// <param name="Organization">The bilan's organisation (<c>organizations/{id}</c>), empty when none.</param>
public sealed record ConfidentialBilanHeader(string Id, State State, string BeneficiaryName, string BeneficiaryId, string Organization)
{
    /// <summary>The French name of the state.</summary>
    public string StateLabel => FrenchNames.Of((DomainState)(int)State);

    /// <summary>
    /// Reads the bilan (an RpcException when it cannot be read: NOT_FOUND, PERMISSION_DENIED...) and the
    /// beneficiary's name (« bénéficiaire » when it cannot be read).
    /// </summary>
    public static async Task<ConfidentialBilanHeader> LoadAsync(
        BilanService.BilanServiceClient bilans,
        BeneficiaryService.BeneficiaryServiceClient beneficiaries,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bilans);
        ArgumentNullException.ThrowIfNull(beneficiaries);
        var bilan = await bilans.GetBilanAsync(new GetBilanRequest { Name = $"bilans/{id}" }, cancellationToken: cancellationToken);
        var name = "bénéficiaire";
        try
        {
            var beneficiary = await beneficiaries.GetBeneficiaryAsync(
                new GetBeneficiaryRequest { Name = bilan.Beneficiary }, cancellationToken: cancellationToken);
            name = $"{beneficiary.GivenName} {beneficiary.FamilyName}".Trim();
        }
        catch (RpcException exception) when (exception.StatusCode is not StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            // The name is a courtesy of the heading: the page works without it.
        }

        return new ConfidentialBilanHeader(id, bilan.State, name, Formatting.ProtoNames.IdOf(bilan.Beneficiary), bilan.Organization);
    }
}
