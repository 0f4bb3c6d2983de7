using Bilan.Contracts.V1;
using Bilan.Domain;
using State = Bilan.Contracts.V1.WorkingTimeAuthorizationState;

namespace Bilan.BackOffice.Formatting;

/// <summary>The French words of the employer's authorisation (CPF on working time, D6323-4) and of the follow-up (R6313-4 3°).</summary>
public static class StartConditionLabels
{
    /// <summary>Where the employer's authorisation stands, as staff read it.</summary>
    public static string Of(State state) => state switch
    {
        State.NotRequired => "non requise",
        State.NotRequested => "à demander à l'employeur",
        State.NotRequestedInTime => "non demandée dans les délais : seul un accord exprès de l'employeur vaut autorisation",
        State.AwaitingAnswer => "en attente de la réponse de l'employeur",
        State.Granted => "accordée par l'employeur",
        State.Refused => "refusée par l'employeur",
        State.DeemedGranted => "réputée accordée (pas de réponse de l'employeur dans les 30 jours)",
        _ => "inconnu",
    };

    /// <summary>The employer's answer.</summary>
    public static string Of(EmployerAnswer answer) => answer switch
    {
        EmployerAnswer.Granted => "accordée",
        EmployerAnswer.Refused => "refusée",
        _ => "non enregistrée",
    };

    /// <summary>Where the follow-up interview stands.</summary>
    public static string Of(FollowUpState state) => state switch
    {
        FollowUpState.Proposed => "proposé (aucun entretien de suivi planifié)",
        FollowUpState.Scheduled => "entretien de suivi planifié",
        FollowUpState.Held => "entretien de suivi réalisé",
        FollowUpState.Declined => "décliné par le bénéficiaire",
        _ => "inconnu",
    };

    /// <summary>
    /// Why the employer's authorisation is needed or not, from the bilan's funding and working time; null when
    /// the bilan could not be read.
    /// </summary>
    public static string? WhyAuthorization(bool required, Contracts.V1.Bilan? bilan)
    {
        if (bilan is null)
        {
            return null;
        }

        var workingTime = FrenchNames.Of((Domain.Bilans.WorkingTime)(int)bilan.WorkingTime);
        if (!required && bilan.FundingSource == FundingSource.Cpf && bilan.WorkingTime == WorkingTime.Unspecified)
        {
            return "Le temps de travail du bilan n'est pas renseigné : s'il se déroule, même en partie, sur le temps de travail, "
                + "le salarié doit demander l'autorisation de son employeur (article D6323-4 du Code du travail).";
        }

        if (required)
        {
            return $"Le bilan est financé par le CPF et se déroule {workingTime} : le salarié doit demander l'autorisation "
                + "de son employeur au moins 60 jours avant le début ; l'employeur a 30 jours pour répondre et son silence vaut "
                + "accord (article D6323-4 du Code du travail).";
        }

        return bilan.FundingSource == FundingSource.Cpf
            ? $"Le bilan se déroule {workingTime} : aucune autorisation de l'employeur n'est nécessaire, et l'employeur n'a pas à être informé (article D6323-4 du Code du travail)."
            : $"Le bilan n'est pas financé par le CPF (financement : {FrenchNames.Of((Domain.Bilans.FundingSource)(int)bilan.FundingSource)}) : l'autorisation prévue à l'article D6323-4 du Code du travail ne s'applique pas.";
    }
}
