namespace Bilan.Domain.Funding;

/// <summary>Who pays a funding line (prise en charge) of a bilan (DOMAIN.md, "Funding"; same numbers as the API's FunderType).</summary>
public enum FunderType
{
    Unspecified = 0,

    /// <summary>The holder's compte personnel de formation, through the provider's EDOF space (Caisse des Dépôts).</summary>
    Cpf = 1,

    /// <summary>The employer's plan de développement des compétences.</summary>
    EmployerPlan = 2,

    /// <summary>An opérateur de compétences (OPCO Santé for the health and social sector).</summary>
    Opco = 3,

    /// <summary>France Travail, for job seekers (aide individuelle à la formation).</summary>
    FranceTravail = 4,

    /// <summary>The person themself.</summary>
    Personal = 5,

    /// <summary>Any other funder (a region, an association...).</summary>
    Other = 6,
}

public static class FunderTypes
{
    /// <summary>Public or mutualised money: a bilan funded by one of these counts for the CPF's 5-year rule.</summary>
    public static bool IsPublic(this FunderType type) => type is FunderType.Cpf or FunderType.Opco or FunderType.FranceTravail;

    public static string FrenchLabel(FunderType type) => type switch
    {
        FunderType.Cpf => "CPF (Mon Compte Formation)",
        FunderType.EmployerPlan => "Plan de développement des compétences de l'employeur",
        FunderType.Opco => "OPCO",
        FunderType.FranceTravail => "France Travail",
        FunderType.Personal => "Financement personnel",
        FunderType.Other => "Autre financeur",
        _ => "inconnu",
    };
}
