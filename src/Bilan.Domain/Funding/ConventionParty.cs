namespace Bilan.Domain.Funding;

public enum ConventionParty
{
    Unspecified = 0,
    Employee = 1,
    Employer = 2,
    Provider = 3,
}
