namespace Bilan.Domain.Funding;

/// <summary>The employer's answer to a request for a CPF-funded bilan on working time.</summary>
public enum EmployerAnswer
{
    None = 0,
    Granted = 1,
    Refused = 2,
}
