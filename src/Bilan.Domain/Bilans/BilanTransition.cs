namespace Bilan.Domain.Bilans;

/// <summary>The changes of state of a bilan, each a custom method of the API named after it.</summary>
public enum BilanTransition
{
    /// <summary>REQUESTED to PRELIMINARY: the bilan starts (phase préliminaire, R6313-4 1°).</summary>
    Start,

    /// <summary>PRELIMINARY to INVESTIGATION (phase d'investigation, R6313-4 2°).</summary>
    StartInvestigation,

    /// <summary>INVESTIGATION to CONCLUSION (phase de conclusion, R6313-4 3°).</summary>
    StartConclusion,

    /// <summary>CONCLUSION to COMPLETED: the accompaniment is over.</summary>
    Complete,

    /// <summary>COMPLETED to FOLLOW_UP: a follow-up interview (entretien de suivi) is planned.</summary>
    StartFollowUp,

    /// <summary>COMPLETED or FOLLOW_UP to CLOSED.</summary>
    Close,

    /// <summary>A started, non-final bilan to ABANDONED: the beneficiary stops.</summary>
    Abandon,

    /// <summary>REQUESTED to CANCELLED, before the start.</summary>
    Cancel,
}
