namespace Bilan.Domain.Funding;

/// <summary>
/// The states of a CPF dossier in EDOF, as providers' tools name them (DOMAIN.md, "Funding"): the normal flow,
/// then the cancellations and the refusals, which are final and each need a reason.
/// </summary>
public enum EdofState
{
    Unspecified = 0,
    NotProcessed = 1,
    Validated = 2,
    WaitingAcceptation = 3,
    Accepted = 4,
    InTraining = 5,
    Terminated = 6,
    ServiceDoneDeclared = 7,
    ServiceDoneValidated = 8,
    CancelledByHolder = 9,
    CancelledByHolderNotRealised = 10,
    CancelledByProvider = 11,
    CancelledByFunder = 12,
    CancelledWithoutFollowUp = 13,
    RefusedByHolder = 14,
    RefusedByProvider = 15,
    RefusedByFunder = 16,
}
