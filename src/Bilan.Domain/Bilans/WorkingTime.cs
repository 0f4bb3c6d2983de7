namespace Bilan.Domain.Bilans;

/// <summary>Whether the bilan takes place on the beneficiary's working time (temps de travail).</summary>
public enum WorkingTime
{
    Unspecified = 0,
    During = 1,
    PartlyDuring = 2,
    Outside = 3,
}
