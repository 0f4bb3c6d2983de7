namespace Bilan.Domain.Consultants;

/// <summary>
/// What the provider holds on a consultant. A consultant is never deleted: one who leaves is made inactive,
/// so that the bilans they carried out keep naming them.
/// </summary>
public sealed record ConsultantDetails(string DisplayName, string Email, bool Active);
