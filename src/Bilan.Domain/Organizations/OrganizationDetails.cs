namespace Bilan.Domain.Organizations;

/// <summary>
/// What the provider holds on an organization: an employer whose HR software calls the API. <see cref="Siret"/>
/// is null when not known. An organization is never deleted, so that the bilans it sent keep naming it.
/// </summary>
public sealed record OrganizationDetails(string DisplayName, string? Siret);
