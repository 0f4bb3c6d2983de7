using Bilan.BackOffice.Formatting;

namespace Bilan.BackOffice.Tests.Formatting;

public sealed class ParisTimeTests
{
    [Fact]
    public void Format_WinterInstant_ShowsParisTimeOneHourAheadOfUtc()
    {
        var formatted = ParisTime.Format(new DateTimeOffset(2026, 11, 27, 14, 4, 5, TimeSpan.Zero));

        Assert.Equal("27/11/2026 15:04:05", formatted);
    }

    [Fact]
    public void Format_SummerInstant_ShowsParisTimeTwoHoursAheadOfUtc()
    {
        var formatted = ParisTime.Format(new DateTimeOffset(2026, 7, 14, 8, 30, 0, TimeSpan.Zero));

        Assert.Equal("14/07/2026 10:30:00", formatted);
    }

    [Fact]
    public void Format_InstantWithOtherOffset_ShowsSameInstantInParisTime()
    {
        var formatted = ParisTime.Format(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(-5)));

        Assert.Equal("05/01/2026 15:00:00", formatted);
    }

    /// <summary>A time typed in a form in Paris, as the instant sent to the API (UTC), around both clock changes.</summary>
    [Theory]
    [InlineData("2026-11-27T15:04", "2026-11-27T14:04:00Z")] // winter, UTC+1
    [InlineData("2026-07-14T10:30", "2026-07-14T08:30:00Z")] // summer, UTC+2
    [InlineData("2027-03-28T01:59", "2027-03-28T00:59:00Z")] // the minute before the spring change
    [InlineData("2027-03-28T02:30", "2027-03-28T01:30:00Z")] // skipped by the spring change: read as 03:30, summer time
    [InlineData("2027-03-28T03:00", "2027-03-28T01:00:00Z")] // the first summer minute
    [InlineData("2026-10-25T02:30", "2026-10-25T01:30:00Z")] // met twice in autumn: the second time, winter time
    public void FromParis_TypedTime_IsTheParisInstant(string typed, string expected)
    {
        var instant = ParisTime.FromParis(DateTime.Parse(typed, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }
}
