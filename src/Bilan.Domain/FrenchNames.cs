using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;
using Bilan.Domain.Funding;
using Bilan.Domain.Interviews;

namespace Bilan.Domain;

/// <summary>The words staff read for the domain's values (DOMAIN.md, "Vocabulary").</summary>
public static class FrenchNames
{
    /// <summary>A party to the tripartite convention (R6313-8), « salarié ».</summary>
    public static string Of(ConventionParty party) => party switch
    {
        ConventionParty.Employee => "salarié",
        ConventionParty.Employer => "employeur",
        ConventionParty.Provider => "prestataire",
        _ => "inconnu",
    };

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
    /// <summary>The line of the history (timeline) for an event; an event type added later reads « Événement ».</summary>
    public static string Of(BilanEventType type) => type switch
    {
        BilanEventType.Created => "Bilan créé",
        BilanEventType.Updated => "Plan du bilan modifié",
        BilanEventType.ConsultantAssigned => "Consultant attribué",
        BilanEventType.ConsultantReassigned => "Bilan confié à un autre consultant",
        BilanEventType.Started => "Bilan démarré : phase préliminaire",
        BilanEventType.InvestigationStarted => "Début de la phase d'investigation",
        BilanEventType.ConclusionStarted => "Début de la phase de conclusion",
        BilanEventType.Completed => "Bilan terminé",
        BilanEventType.FollowUpStarted => "Suivi commencé",
        BilanEventType.Closed => "Bilan clôturé",
        BilanEventType.Abandoned => "Bilan abandonné",
        BilanEventType.Cancelled => "Bilan annulé",
        BilanEventType.InterviewScheduled => "Entretien planifié",
        BilanEventType.InterviewRescheduled => "Entretien déplacé",
        BilanEventType.InterviewCancelled => "Entretien annulé",
        BilanEventType.InterviewHeld => "Entretien réalisé",
        BilanEventType.InterviewMissed => "Entretien manqué par le bénéficiaire",
        BilanEventType.SynthesisUpdated => "Synthèse rédigée ou modifiée",
        BilanEventType.SynthesisDelivered => "Synthèse remise au bénéficiaire",
        BilanEventType.SynthesisRevised => "Nouvelle version de la synthèse",
        BilanEventType.InterviewNotesUpdated => "Notes d'entretien modifiées",
        BilanEventType.BilanConsentRecorded => "Consentement au bilan enregistré",
        BilanEventType.DisclosureConsentRecorded => "Accord de communication de la synthèse enregistré",
        BilanEventType.DisclosureConsentRevoked => "Accord de communication de la synthèse retiré",
        BilanEventType.DocumentsDestroyed => "Documents de travail détruits (fin du bilan)",
        BilanEventType.RetainedDocumentsDestroyed => "Documents conservés détruits (fin de la conservation)",
        BilanEventType.FundingCreated => "Prise en charge demandée",
        BilanEventType.FundingUpdated => "Prise en charge modifiée",
        BilanEventType.FundingAccepted => "Prise en charge acceptée par le financeur",
        BilanEventType.FundingRefused => "Prise en charge refusée par le financeur",
        BilanEventType.FundingPaid => "Prise en charge payée",
        BilanEventType.EdofDossierChanged => "Dossier CPF (EDOF) : nouvel état",
        BilanEventType.ConventionUpdated => "Convention tripartite rédigée ou modifiée",
        BilanEventType.ConventionSent => "Convention tripartite remise au salarié",
        BilanEventType.ConventionSigned => "Convention tripartite signée",
        BilanEventType.ConventionRefused => "Convention tripartite refusée",
        BilanEventType.WorkingTimeAuthorizationRequested => "Autorisation d'absence demandée à l'employeur",
        BilanEventType.EmployerAnswerRecorded => "Réponse de l'employeur enregistrée",
        BilanEventType.FollowUpProposed => "Entretien de suivi proposé",
        BilanEventType.FollowUpUpdated => "Date de l'entretien de suivi modifiée",
        BilanEventType.FollowUpDeclined => "Entretien de suivi décliné",
        BilanEventType.SatisfactionSurveyRecorded => "Questionnaire de satisfaction enregistré",
        BilanEventType.ComplaintReceived => "Réclamation reçue",
        BilanEventType.ComplaintAcknowledged => "Réclamation : accusé de réception envoyé",
        BilanEventType.ComplaintHandlingStarted => "Réclamation en cours de traitement",
        BilanEventType.ComplaintResolved => "Réclamation traitée",
        BilanEventType.ComplaintRejected => "Réclamation rejetée",
        BilanEventType.ComplaintUpdated => "Réclamation modifiée",
        _ => "Événement",
    };

    /// <summary>The button that performs a transition, as staff read it.</summary>
    public static string Of(BilanTransition transition) => transition switch
    {
        BilanTransition.Start => "Démarrer le bilan",
        BilanTransition.StartInvestigation => "Passer en phase d'investigation",
        BilanTransition.StartConclusion => "Passer en phase de conclusion",
        BilanTransition.Complete => "Terminer le bilan",
        BilanTransition.StartFollowUp => "Démarrer le suivi",
        BilanTransition.Close => "Clôturer le bilan",
        BilanTransition.Abandon => "Déclarer l'abandon",
        BilanTransition.Cancel => "Annuler le bilan",
        _ => "Action inconnue",
    };

    public static string Of(FundingSource source) => source switch
    {
        FundingSource.Cpf => "CPF (Mon Compte Formation)",
        FundingSource.EmployerPlan => "Plan de développement des compétences de l'employeur",
        FundingSource.Opco => "OPCO",
        FundingSource.FranceTravail => "France Travail (AIF)",
        FundingSource.Personal => "Financement personnel",
        FundingSource.CoFunded => "Cofinancement",
        _ => "non renseigné",
    };

    public static string Of(WorkingTime workingTime) => workingTime switch
    {
        WorkingTime.During => "sur le temps de travail",
        WorkingTime.PartlyDuring => "en partie sur le temps de travail",
        WorkingTime.Outside => "hors temps de travail",
        _ => "non renseigné",
    };

    public static string Of(AbandonReason reason) => reason switch
    {
        AbandonReason.Personal => "raisons personnelles",
        AbandonReason.Health => "raisons de santé",
        AbandonReason.NewJobOrTraining => "emploi ou formation trouvé",
        AbandonReason.UnmetExpectations => "le bilan ne répond pas aux attentes",
        AbandonReason.Funding => "financement interrompu",
        AbandonReason.NoContact => "le bénéficiaire ne répond plus",
        AbandonReason.Other => "autre raison",
        _ => "non renseignée",
    };

    public static string Of(InterviewPhase phase) => phase switch
    {
        InterviewPhase.Preliminary => "phase préliminaire",
        InterviewPhase.Investigation => "phase d'investigation",
        InterviewPhase.Conclusion => "phase de conclusion",
        InterviewPhase.FollowUp => "entretien de suivi",
        _ => "phase inconnue",
    };

    public static string Of(InterviewStatus status) => status switch
    {
        InterviewStatus.Scheduled => "planifié",
        InterviewStatus.Held => "réalisé",
        InterviewStatus.Missed => "manqué",
        InterviewStatus.Cancelled => "annulé",
        _ => "inconnu",
    };

    public static string Of(InterviewMode mode) => mode switch
    {
        InterviewMode.OnSite => "sur place",
        InterviewMode.Remote => "à distance",
        _ => "non renseigné",
    };
}
