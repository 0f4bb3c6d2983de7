using Bilan.Domain.Alerts;

namespace Bilan.Domain.Tests.Alerts;

public sealed class AlertTimingTests
{
    private static readonly DateTimeOffset Due = new(2026, 12, 10, 23, 0, 0, TimeSpan.Zero);

    [Theory]
    // minutes from the due time, severity, shows (default window: 7 days)
    [InlineData(-7 * 24 * 60 - 1, AlertSeverity.Upcoming, false)]
    [InlineData(-7 * 24 * 60, AlertSeverity.Upcoming, true)]
    [InlineData(-1, AlertSeverity.Upcoming, true)]
    [InlineData(0, AlertSeverity.Overdue, true)]
    [InlineData(60 * 24 * 30, AlertSeverity.Overdue, true)]
    public void SeverityAndShows_AroundTheDueTime(int minutes, AlertSeverity severity, bool shows)
    {
        var now = Due.AddMinutes(minutes);

        Assert.Equal(severity, AlertTiming.SeverityOf(Due, now));
        Assert.Equal(shows, AlertTiming.Shows(Due, now, new AlertPolicy()));
    }

    [Fact]
    public void SeverityOf_NoDueTime_Upcoming() => Assert.Equal(AlertSeverity.Upcoming, AlertTiming.SeverityOf(null, Due));

    [Fact]
    public void Shows_OtherWindow_UsesIt() =>
        Assert.False(AlertTiming.Shows(Due, Due.AddDays(-3), new AlertPolicy { UpcomingWindowDays = 2 }));

    [Fact]
    public void Compare_OverdueFirstThenSoonestThenWithoutDue()
    {
        var alerts = new (string Name, AlertSeverity Severity, DateTimeOffset? Due)[]
        {
            ("upcoming later", AlertSeverity.Upcoming, Due.AddDays(3)),
            ("no due", AlertSeverity.Upcoming, null),
            ("overdue recent", AlertSeverity.Overdue, Due.AddDays(-1)),
            ("upcoming soon", AlertSeverity.Upcoming, Due.AddDays(1)),
            ("overdue long ago", AlertSeverity.Overdue, Due.AddDays(-20)),
        }.ToList();

        alerts.Sort((a, b) => AlertTiming.Compare(a.Severity, a.Due, b.Severity, b.Due));

        Assert.Equal(["overdue long ago", "overdue recent", "upcoming soon", "upcoming later", "no due"], alerts.Select(a => a.Name));
    }

    [Theory]
    // a Paris day, its start and its end in UTC (winter UTC+1, summer UTC+2, and the days of the changes)
    [InlineData("2026-12-10", "2026-12-09T23:00:00Z", "2026-12-10T23:00:00Z")]
    [InlineData("2026-07-14", "2026-07-13T22:00:00Z", "2026-07-14T22:00:00Z")]
    [InlineData("2026-03-29", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")]
    [InlineData("2026-10-25", "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")]
    public void StartAndEndOfDay_InParis(string day, string start, string end)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), AlertTiming.StartOfDay(date));
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), AlertTiming.EndOfDay(date));
    }
}
