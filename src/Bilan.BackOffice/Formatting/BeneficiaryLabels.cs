using Bilan.Domain;
using Bilan.Domain.Beneficiaries;
using DomainKind = Bilan.Domain.Beneficiaries.SituationKind;
using PublicCategory = Bilan.Contracts.V1.PublicCategory;
using SituationKind = Bilan.Contracts.V1.SituationKind;

namespace Bilan.BackOffice.Formatting;

/// <summary>The French words of the beneficiary's values (DOMAIN.md, vocabulary).</summary>
public static class BeneficiaryLabels
{
    /// <summary>The public categories a form offers, in the order of the contract.</summary>
    public static IReadOnlyList<PublicCategory> Categories { get; } =
        [.. Enum.GetValues<PublicCategory>().Where(category => category != PublicCategory.Unspecified)];

    /// <summary>The situation kinds a form offers: first those during which a bilan may take place.</summary>
    public static IReadOnlyList<SituationKind> SituationKinds { get; } =
        [.. Enum.GetValues<SituationKind>().Where(kind => kind != SituationKind.Unspecified)];

    /// <summary>The French name of a public category.</summary>
    public static string Of(PublicCategory category) => category switch
    {
        PublicCategory.Employee => "salarié",
        PublicCategory.SelfEmployed => "non-salarié (indépendant, profession libérale)",
        PublicCategory.PublicAgent => "agent public",
        PublicCategory.JobSeeker => "demandeur d'emploi",
        PublicCategory.PrivateIndividual => "particulier",
        _ => "non renseignée",
    };

    /// <summary>The French name of a situation, for example « congé maternité ».</summary>
    public static string Of(SituationKind kind) => FrenchNames.Of((DomainKind)(int)kind);

    /// <summary>The French name of a situation with what it means for a bilan.</summary>
    public static string OptionOf(SituationKind kind) => kind switch
    {
        SituationKind.SickLeave => $"{Of(kind)} (bilan possible avec l'accord écrit du médecin)",
        _ when ((DomainKind)(int)kind).ForbidsBilan() => $"{Of(kind)} (bilan impossible)",
        _ => $"{Of(kind)} (bilan possible)",
    };

    /// <summary>Whether a bilan may not take place during this situation.</summary>
    public static bool ForbidsBilan(SituationKind kind) => ((DomainKind)(int)kind).ForbidsBilan();
}
