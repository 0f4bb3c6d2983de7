using Bilan.Domain.Quality;

namespace Bilan.Domain.Tests.Quality;

public sealed class ComplaintDeadlinesTests
{
    [Theory]
    // received          acknowledge by   answer by     (default policy: 7 and 30 calendar days)
    [InlineData("2026-03-02", "2026-03-09", "2026-04-01")]
    [InlineData("2026-12-28", "2027-01-04", "2027-01-27")]
    [InlineData("2028-02-20", "2028-02-27", "2028-03-21")] // a leap year: 29 February counts
    [InlineData("2026-04-30", "2026-05-07", "2026-05-30")] // 1 and 8 May (public holidays) count: calendar days
    public void Of_DefaultPolicy_CalendarDaysFromReceipt(string received, string acknowledgeBy, string answerBy)
    {
        var deadlines = ComplaintDeadlines.Of(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), new QualityPolicy());

        Assert.Equal(DateOnly.Parse(acknowledgeBy, System.Globalization.CultureInfo.InvariantCulture), deadlines.AcknowledgeBy);
        Assert.Equal(DateOnly.Parse(answerBy, System.Globalization.CultureInfo.InvariantCulture), deadlines.AnswerBy);
    }

    [Fact]
    public void Of_OtherPolicy_UsesItsDays()
    {
        var deadlines = ComplaintDeadlines.Of(new DateOnly(2026, 3, 2), new QualityPolicy { AcknowledgeWithinDays = 2, AnswerWithinDays = 15 });

        Assert.Equal(new DateOnly(2026, 3, 4), deadlines.AcknowledgeBy);
        Assert.Equal(new DateOnly(2026, 3, 17), deadlines.AnswerBy);
    }

    [Theory]
    // The deadline day ends at midnight Paris time: 23:00 UTC in winter, 22:00 UTC in summer.
    [InlineData("2026-03-09", "2026-03-09T23:00:00Z")]
    [InlineData("2026-07-14", "2026-07-14T22:00:00Z")]
    [InlineData("2026-03-28", "2026-03-28T23:00:00Z")] // the night before the clocks go forward (29 March 2026)
    [InlineData("2026-03-29", "2026-03-29T22:00:00Z")]
    public void EndOfDay_IsMidnightInParis(string deadline, string expectedUtc)
    {
        var end = ComplaintDeadlines.EndOfDay(DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), end);
    }
}
