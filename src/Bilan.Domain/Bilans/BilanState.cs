namespace Bilan.Domain.Bilans;

/// <summary>The life of a bilan; the three phases are those of Code du travail R6313-4.</summary>
public enum BilanState
{
    Unspecified = 0,
    Requested = 1,
    Preliminary = 2,
    Investigation = 3,
    Conclusion = 4,
    Completed = 5,
    FollowUp = 6,
    Closed = 7,
    Abandoned = 8,
    Cancelled = 9,
}

public static class BilanStateExtensions
{
    /// <summary>Nothing happens any more to a bilan in a final state.</summary>
    public static bool IsFinal(this BilanState state) =>
        state is BilanState.Closed or BilanState.Abandoned or BilanState.Cancelled;

    /// <summary>A bilan that never started may be deleted; a started one is kept and ends through its transitions.</summary>
    public static bool HasStarted(this BilanState state) =>
        state is not (BilanState.Requested or BilanState.Cancelled);
}
