namespace Bilan.Domain.Bilans;

/// <summary>The kinds of events in a bilan's history (same numbers as the API's BilanEventType).</summary>
public enum BilanEventType
{
    Unspecified = 0,
    Created = 1,
    Updated = 2,
    ConsultantAssigned = 3,
    ConsultantReassigned = 4,
    Started = 5,
    InvestigationStarted = 6,
    ConclusionStarted = 7,
    Completed = 8,
    FollowUpStarted = 9,
    Closed = 10,
    Abandoned = 11,
    Cancelled = 12,
    InterviewScheduled = 13,
    InterviewRescheduled = 14,
    InterviewCancelled = 15,
    InterviewHeld = 16,
    InterviewMissed = 17,
    SynthesisUpdated = 18,
    SynthesisDelivered = 19,
    SynthesisRevised = 20,
    InterviewNotesUpdated = 21,
    BilanConsentRecorded = 22,
    DisclosureConsentRecorded = 23,
    DisclosureConsentRevoked = 24,
    DocumentsDestroyed = 25,
    RetainedDocumentsDestroyed = 26,
    FundingCreated = 30,
    FundingUpdated = 31,
    FundingAccepted = 32,
    FundingRefused = 33,
    FundingPaid = 34,
    EdofDossierChanged = 35,
    ConventionUpdated = 40,
    ConventionSent = 41,
    ConventionSigned = 42,
    ConventionRefused = 43,
    WorkingTimeAuthorizationRequested = 44,
    EmployerAnswerRecorded = 45,
    FollowUpProposed = 46,
    FollowUpUpdated = 47,
    FollowUpDeclined = 48,
    SatisfactionSurveyRecorded = 50,
    ComplaintReceived = 51,
    ComplaintAcknowledged = 52,
    ComplaintHandlingStarted = 53,
    ComplaintResolved = 54,
    ComplaintRejected = 55,
    ComplaintUpdated = 56,
}

public static class BilanEventTypes
{
    /// <summary>The event a transition writes.</summary>
    public static BilanEventType Of(BilanTransition transition) => transition switch
    {
        BilanTransition.Start => BilanEventType.Started,
        BilanTransition.StartInvestigation => BilanEventType.InvestigationStarted,
        BilanTransition.StartConclusion => BilanEventType.ConclusionStarted,
        BilanTransition.Complete => BilanEventType.Completed,
        BilanTransition.StartFollowUp => BilanEventType.FollowUpStarted,
        BilanTransition.Close => BilanEventType.Closed,
        BilanTransition.Abandon => BilanEventType.Abandoned,
        BilanTransition.Cancel => BilanEventType.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, "Not a transition."),
    };
}
