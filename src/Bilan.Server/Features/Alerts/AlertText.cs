using System.Globalization;

namespace Bilan.Server.Features.Alerts;

/// <summary>How alert messages write hours and dates.</summary>
internal static class AlertText
{
    /// <summary>Minutes as hours: <c>20 h</c>, <c>20 h 30</c>.</summary>
    public static string Hours(int minutes) => minutes % 60 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h")
        : string.Create(CultureInfo.InvariantCulture, $"{minutes / 60} h {minutes % 60:D2}");

    /// <summary>A Paris day, <c>2026-03-09</c> for the English message.</summary>
    public static string IsoDate(DateOnly date) => Domain.FrenchCalendar.Iso(date);

    /// <summary>A Paris day, <c>09/03/2026</c> for the French message.</summary>
    public static string FrenchDate(DateOnly date) => Domain.FrenchCalendar.Format(date);

    /// <summary>The Paris day of an instant, French.</summary>
    public static string FrenchDate(DateTimeOffset time) => FrenchDate(Domain.FrenchCalendar.DateOf(time));

    /// <summary>The Paris day of an instant, ISO.</summary>
    public static string IsoDate(DateTimeOffset time) => IsoDate(Domain.FrenchCalendar.DateOf(time));
}
