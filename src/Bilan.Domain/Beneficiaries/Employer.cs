namespace Bilan.Domain.Beneficiaries;

/// <summary>The establishment employing a beneficiary, identified by its SIRET.</summary>
public sealed record Employer(string Siret, string DisplayName);
