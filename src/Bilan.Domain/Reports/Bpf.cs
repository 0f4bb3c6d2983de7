using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Funding;

namespace Bilan.Domain.Reports;

/// <summary>
/// The trainee types of the Bilan pédagogique et financier (cerfa 10443, part F-1 "Type de stagiaires de
/// l'organisme"); same numbers as the API's BpfTraineeType. Apprentices (line b) never take a bilan here.
/// </summary>
public enum BpfTraineeType
{
    Unspecified = 0,

    /// <summary>a. Salariés d'employeurs privés (hors apprentis).</summary>
    PrivateEmployees = 1,

    /// <summary>c. Personnes en recherche d'emploi.</summary>
    JobSeekers = 2,

    /// <summary>d. Particuliers à leurs propres frais.</summary>
    PrivateIndividuals = 3,

    /// <summary>e. Autres stagiaires: public agents and the self-employed.</summary>
    Others = 4,
}

/// <summary>How the BPF groups bilans: trainees by the beneficiary's public, income by funder type.</summary>
public static class Bpf
{
    /// <summary>
    /// The beneficiary's public category to the BPF trainee type: private-sector employees → a; job seekers → c;
    /// private individuals → d; public agents (agents publics) and the self-employed (non-salariés), for whom the BPF
    /// has no line of their own → e "autres stagiaires".
    /// </summary>
    public static BpfTraineeType TraineeTypeOf(PublicCategory category) => category switch
    {
        PublicCategory.Employee => BpfTraineeType.PrivateEmployees,
        PublicCategory.JobSeeker => BpfTraineeType.JobSeekers,
        PublicCategory.PrivateIndividual => BpfTraineeType.PrivateIndividuals,
        PublicCategory.PublicAgent or PublicCategory.SelfEmployed => BpfTraineeType.Others,
        _ => BpfTraineeType.Others,
    };

    public static string FrenchLabel(BpfTraineeType type) => type switch
    {
        BpfTraineeType.PrivateEmployees => "Salariés d'employeurs privés",
        BpfTraineeType.JobSeekers => "Personnes en recherche d'emploi",
        BpfTraineeType.PrivateIndividuals => "Particuliers à leurs propres frais",
        BpfTraineeType.Others => "Autres stagiaires (agents publics, non-salariés)",
        _ => "inconnu",
    };

    /// <summary>The origin of income (BPF part C) a funder type's receipts go to, as its heading reads.</summary>
    public static string FrenchIncomeLabel(FunderType type) => type switch
    {
        FunderType.EmployerPlan => "Entreprises, pour la formation de leurs salariés",
        FunderType.Opco => "Opérateurs de compétences (OPCO)",
        FunderType.Cpf => "Caisse des Dépôts et Consignations, au titre du CPF",
        FunderType.FranceTravail => "Pouvoirs publics : France Travail",
        FunderType.Personal => "Personnes à titre individuel et à leurs frais",
        FunderType.Other => "Autres produits",
        _ => "inconnu",
    };
}
