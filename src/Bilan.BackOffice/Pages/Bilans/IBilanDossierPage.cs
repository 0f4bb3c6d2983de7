namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// A page of a bilan's dossier (consent, synthesis, funding, convention, authorisation, follow-up, satisfaction...):
/// the partial <c>_BilanHeading</c> shows above its title whose bilan it is, where it stands, and the link back to it.
/// </summary>
public interface IBilanDossierPage
{
    /// <summary>The bilan's id (a UUID), from the address.</summary>
    string BilanId { get; }

    /// <summary>Whose bilan it is and where it stands; null when the bilan could not be read (only the link back shows).</summary>
    BilanHeading? Heading { get; }
}
