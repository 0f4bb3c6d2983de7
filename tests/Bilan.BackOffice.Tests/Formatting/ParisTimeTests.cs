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
}
