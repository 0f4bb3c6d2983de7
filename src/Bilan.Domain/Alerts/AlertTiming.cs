namespace Bilan.Domain.Alerts;

/// <summary>Whether an alert's due time has passed (same numbers as the API's AlertSeverity).</summary>
public enum AlertSeverity
{
    Unspecified = 0,
    Upcoming = 1,
    Overdue = 2,
}

/// <summary>When an alert shows, and how urgent it is.</summary>
public static class AlertTiming
{
    /// <summary>Overdue from the due time on; upcoming before it (and for a warning without a due time).</summary>
    public static AlertSeverity SeverityOf(DateTimeOffset? due, DateTimeOffset now) =>
        due is { } time && now >= time ? AlertSeverity.Overdue : AlertSeverity.Upcoming;

    /// <summary>Whether an alert due at <paramref name="due"/> shows now: within the upcoming window before it, or overdue.</summary>
    public static bool Shows(DateTimeOffset due, DateTimeOffset now, AlertPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return now >= due.AddDays(-policy.UpcomingWindowDays);
    }

    /// <summary>The instant a day starts in Paris (midnight, Paris time), in UTC: when a date-only deadline such as
    /// a "deemed granted" date takes effect.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) => FrenchCalendar.StartOf(day);

    /// <summary>
    /// The instant a deadline day ends in Paris (the start of the next day): in time until then, overdue from then on.
    /// The due time of alerts whose deadline is a date.
    /// </summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1));

    /// <summary>Orders alerts as staff act on them: overdue first, then the soonest due, those without a due time last.</summary>
    public static int Compare(AlertSeverity severityA, DateTimeOffset? dueA, AlertSeverity severityB, DateTimeOffset? dueB)
    {
        var bySeverity = severityB.CompareTo(severityA);
        if (bySeverity != 0)
        {
            return bySeverity;
        }

        return (dueA, dueB) switch
        {
            ({ } a, { } b) => a.CompareTo(b),
            (null, { }) => 1,
            ({ }, null) => -1,
            _ => 0,
        };
    }
}
