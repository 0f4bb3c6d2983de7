namespace Bilan.Domain.Interviews;

/// <summary>
/// The phase an interview (entretien) belongs to: the three phases of R6313-4, then the follow-up interview
/// (entretien de suivi) the conclusion plans as a possibility (R6313-4 3°), held once the bilan is in FOLLOW_UP.
/// </summary>
public enum InterviewPhase
{
    Unspecified = 0,
    Preliminary = 1,
    Investigation = 2,
    Conclusion = 3,
    FollowUp = 4,
}

/// <summary>Where the interview takes place.</summary>
public enum InterviewMode
{
    Unspecified = 0,
    OnSite = 1,
    Remote = 2,
}

/// <summary>What became of an interview.</summary>
public enum InterviewStatus
{
    Unspecified = 0,
    Scheduled = 1,
    Held = 2,
    Missed = 3,
    Cancelled = 4,
}

/// <summary>An interview of a bilan. Only held interviews count as accompaniment hours (L6313-4).</summary>
public sealed record Interview(
    Guid Id,
    InterviewPhase Phase,
    DateTimeOffset Start,
    int PlannedMinutes,
    InterviewMode Mode,
    InterviewStatus Status,
    int? HeldMinutes)
{
    public DateTimeOffset End => Start.AddMinutes(PlannedMinutes);

    /// <summary>Minutes this interview takes from the 24 hours: planned while scheduled, actual once held.</summary>
    public int CountedMinutes => Status switch
    {
        InterviewStatus.Scheduled => PlannedMinutes,
        InterviewStatus.Held => HeldMinutes ?? 0,
        _ => 0,
    };

    public bool Occupies => Status is InterviewStatus.Scheduled or InterviewStatus.Held;

    public bool OverlapsSlot(DateTimeOffset start, int minutes) => Start < start.AddMinutes(minutes) && start < End;
}
