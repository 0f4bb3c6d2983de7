using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;

namespace Bilan.Domain;

/// <summary>The words staff read for the domain's values (DOMAIN.md, "Vocabulary").</summary>
public static class FrenchNames
{
    public static string Of(BilanState state) => state switch
    {
        BilanState.Requested => "demandé",
        BilanState.Preliminary => "phase préliminaire",
        BilanState.Investigation => "phase d'investigation",
        BilanState.Conclusion => "phase de conclusion",
        BilanState.Completed => "terminé",
        BilanState.FollowUp => "suivi",
        BilanState.Closed => "clôturé",
        BilanState.Abandoned => "abandonné",
        BilanState.Cancelled => "annulé",
        _ => "inconnu",
    };

    public static string Of(SituationKind kind) => kind switch
    {
        SituationKind.ParentalLeave => "congé parental",
        SituationKind.SickLeave => "arrêt de travail",
        SituationKind.TherapeuticPartTime => "mi-temps thérapeutique",
        SituationKind.UnpaidLeave => "congé sans solde",
        SituationKind.SabbaticalLeave => "congé sabbatique",
        SituationKind.MaternityLeave => "congé maternité",
        SituationKind.CarerLeave => "congé de proche aidant",
        SituationKind.TransitionProject => "projet de transition professionnelle",
        _ => "situation inconnue",
    };
}
