using System.Globalization;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests;

public sealed class FrenchCalendarTests
{
    [Theory]
    // Winter time, UTC+1: the French day starts at 23:00 UTC.
    [InlineData("2026-01-15T22:59:59Z", "2026-01-15")]
    [InlineData("2026-01-15T23:00:00Z", "2026-01-16")]
    [InlineData("2026-01-16T00:30:00+01:00", "2026-01-16")]
    [InlineData("2026-12-31T23:30:00Z", "2027-01-01")]
    // Summer time, UTC+2: the French day starts at 22:00 UTC.
    [InlineData("2026-07-15T21:59:59Z", "2026-07-15")]
    [InlineData("2026-07-15T22:00:00Z", "2026-07-16")]
    [InlineData("2026-03-31T23:30:00Z", "2026-04-01")]
    [InlineData("2026-07-15T23:30:00-05:00", "2026-07-16")]
    // The days the clocks change (29 March and 25 October 2026).
    [InlineData("2026-03-28T23:00:00Z", "2026-03-29")]
    [InlineData("2026-03-29T21:59:59Z", "2026-03-29")]
    [InlineData("2026-03-29T22:00:00Z", "2026-03-30")]
    [InlineData("2026-10-24T21:59:59Z", "2026-10-24")]
    [InlineData("2026-10-24T22:00:00Z", "2026-10-25")]
    [InlineData("2026-10-25T22:59:59Z", "2026-10-25")]
    [InlineData("2026-10-25T23:00:00Z", "2026-10-26")]
    public void DateOf_InstantAroundMidnight_DayInParis(string instant, string day) =>
        Assert.Equal(TestInterviews.Date(day), FrenchCalendar.DateOf(TestInterviews.Instant(instant)));

    [Theory]
    [InlineData(2026, 4, 1, "01/04/2026")]
    [InlineData(2026, 12, 31, "31/12/2026")]
    [InlineData(2027, 1, 9, "09/01/2027")]
    public void Format_Date_DayMonthYear(int year, int month, int day, string text) =>
        Assert.Equal(text, FrenchCalendar.Format(new DateOnly(year, month, day)));

    // A server running in another culture still writes French dates.
    [Theory]
    [InlineData("en-US")]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    public void Format_OtherCurrentCulture_StillDayMonthYearGregorian(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            Assert.Equal("01/04/2026", FrenchCalendar.Format(new DateOnly(2026, 4, 1)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
