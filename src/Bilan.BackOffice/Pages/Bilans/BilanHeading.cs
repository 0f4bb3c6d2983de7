using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Bilan.Domain;
using Grpc.Core;
using BilanMessage = Bilan.Contracts.V1.Bilan;
using DomainState = Bilan.Domain.Bilans.BilanState;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// Whose bilan a page of its dossier belongs to and where it stands, as each of these pages shows it above its title
/// (the partial <c>_BilanHeading</c>). Metadata only, which every staff role may read; two calls: GetBilan, then
/// GetBeneficiary for the name.
/// </summary>
/// <param name="Id">The bilan's id (a UUID).</param>
/// <param name="Bilan">The bilan as the API gave it.</param>
/// <param name="BeneficiaryName">The beneficiary's given and family name; null when it could not be read.</param>
public sealed record BilanHeading(string Id, BilanMessage Bilan, string? BeneficiaryName)
{
    /// <summary>The bilan's state.</summary>
    public State State => Bilan.State;

    /// <summary>The state as the domain names it.</summary>
    public DomainState DomainState => (DomainState)(int)Bilan.State;

    /// <summary>The French name of the state, for example « phase de conclusion ».</summary>
    public string StateLabel => FrenchNames.Of(DomainState);

    /// <summary>The beneficiary's id, for the link to their page.</summary>
    public string BeneficiaryId => ProtoNames.IdOf(Bilan.Beneficiary);

    /// <summary>The bilan's organisation (<c>organizations/{id}</c>), empty when none.</summary>
    public string Organization => Bilan.Organization;

    /// <summary>
    /// Reads the bilan (an RpcException when it cannot be read: NOT_FOUND, PERMISSION_DENIED...) and the
    /// beneficiary's name (null when it cannot be read: the name is a courtesy, the page works without it).
    /// </summary>
    public static async Task<BilanHeading> LoadAsync(
        BilanService.BilanServiceClient bilans,
        BeneficiaryService.BeneficiaryServiceClient beneficiaries,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bilans);
        ArgumentNullException.ThrowIfNull(beneficiaries);
        var bilan = await bilans.GetBilanAsync(new GetBilanRequest { Name = $"bilans/{id}" }, cancellationToken: cancellationToken);
        string? name = null;
        try
        {
            var beneficiary = await beneficiaries.GetBeneficiaryAsync(
                new GetBeneficiaryRequest { Name = bilan.Beneficiary }, cancellationToken: cancellationToken);
            name = Api.DirectoryLookups.DisplayNameOf(beneficiary) is { Length: > 0 } displayName ? displayName : null;
        }
        catch (RpcException exception) when (exception.StatusCode is not StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            // The heading then reads « Bilan · <state> ».
        }

        return new BilanHeading(id, bilan, name);
    }

    /// <summary>
    /// As <see cref="LoadAsync"/>, but null when the bilan cannot be read: for the pages whose content does not
    /// depend on it, which then show only the link back to the bilan.
    /// </summary>
    public static async Task<BilanHeading?> TryLoadAsync(
        BilanService.BilanServiceClient bilans,
        BeneficiaryService.BeneficiaryServiceClient beneficiaries,
        string id,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logger);
        try
        {
            return await LoadAsync(bilans, beneficiaries, id, cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode is not StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The heading of bilans/{Id} could not be read: {StatusCode}", id, exception.StatusCode);
            return null;
        }
    }
}
