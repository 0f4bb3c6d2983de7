namespace Bilan.Domain.Quality;

/// <summary>The last days to acknowledge and to answer a complaint, under <see cref="QualityPolicy"/>.</summary>
public sealed record ComplaintDeadlines(DateOnly AcknowledgeBy, DateOnly AnswerBy)
{
    /// <summary>
    /// The deadlines of a complaint received on <paramref name="receivedDate"/>: that day plus the policy's calendar
    /// days (received on the 1st with 7 days: acknowledge by the 8th). The deadline day itself is still in time.
    /// </summary>
    public static ComplaintDeadlines Of(DateOnly receivedDate, QualityPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(receivedDate.AddDays(policy.AcknowledgeWithinDays), receivedDate.AddDays(policy.AnswerWithinDays));
    }

    /// <summary>
    /// The instant a deadline day ends in Paris (midnight at the start of the next day, Paris time): until then it
    /// is in time, from then on it is overdue. In UTC, as the database stores instants.
    /// </summary>
    public static DateTimeOffset EndOfDay(DateOnly deadline) => FrenchCalendar.StartOf(deadline.AddDays(1));
}
