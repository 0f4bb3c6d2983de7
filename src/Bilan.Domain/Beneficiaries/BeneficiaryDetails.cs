namespace Bilan.Domain.Beneficiaries;

/// <summary>
/// What the provider holds on a beneficiary: only what the bilan needs (data minimisation, L6313-4).
/// </summary>
public sealed record BeneficiaryDetails(
    string GivenName,
    string FamilyName,
    string Email,
    string Phone,
    PublicCategory PublicCategory,
    Employer? Employer,
    IReadOnlyList<SituationPeriod> Situations);
