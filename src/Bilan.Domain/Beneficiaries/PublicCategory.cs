namespace Bilan.Domain.Beneficiaries;

/// <summary>The public a beneficiary belongs to. Anyone may take a bilan; no seniority is required.</summary>
public enum PublicCategory
{
    Unspecified = 0,

    /// <summary>Salarié du secteur privé.</summary>
    Employee = 1,

    /// <summary>Non-salarié: self-employed or liberal profession.</summary>
    SelfEmployed = 2,

    /// <summary>Agent public.</summary>
    PublicAgent = 3,

    /// <summary>Demandeur d'emploi.</summary>
    JobSeeker = 4,

    /// <summary>Particulier.</summary>
    PrivateIndividual = 5,
}

public static class PublicCategoryExtensions
{
    /// <summary>Employees and public agents have an employer and working time; the other publics have neither.</summary>
    public static bool IsEmployed(this PublicCategory category) =>
        category is PublicCategory.Employee or PublicCategory.PublicAgent;
}
