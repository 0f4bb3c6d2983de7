namespace Bilan.Domain.Bilans;

/// <summary>The funding source declared at the request (prise en charge).</summary>
public enum FundingSource
{
    Unspecified = 0,
    Cpf = 1,
    EmployerPlan = 2,
    Opco = 3,
    FranceTravail = 4,
    Personal = 5,
    CoFunded = 6,
}
