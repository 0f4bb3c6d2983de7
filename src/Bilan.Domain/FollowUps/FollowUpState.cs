namespace Bilan.Domain.FollowUps;

/// <summary>Where the follow-up interview proposed at completion stands (same numbers as the API's FollowUp.State).</summary>
public enum FollowUpState
{
    Unspecified = 0,

    /// <summary>Proposed at completion for the proposed date; no interview scheduled yet.</summary>
    Proposed = 1,

    /// <summary>A follow-up interview is scheduled.</summary>
    Scheduled = 2,

    /// <summary>A follow-up interview was held: the bilan may be closed.</summary>
    Held = 3,

    /// <summary>The beneficiary declined it (the follow-up is a possibility, not a duty): the bilan may be closed.</summary>
    Declined = 4,
}
