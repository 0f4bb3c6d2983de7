using System.Globalization;

namespace Bilan.BackOffice.Formatting;

/// <summary>Shows instants as staff read them: Paris time, French format.</summary>
public static class ParisTime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The instant in Paris time, for example <c>27/11/2026 15:04:05</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("dd/MM/yyyy HH:mm:ss", French);

    /// <summary>The Paris day of the instant, for example <c>27/11/2026</c>.</summary>
    public static string Date(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("dd/MM/yyyy", French);

    /// <summary>The Paris time of day of the instant, for example <c>15:04</c>.</summary>
    public static string Time(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("HH:mm", French);

    /// <summary>The Paris day of the instant as a date.</summary>
    public static DateOnly Today(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Paris).DateTime);

    /// <summary>The value of an <c>&lt;input type="datetime-local"&gt;</c> for the instant, in Paris time (<c>2026-11-27T15:04</c>).</summary>
    public static string ToLocalInput(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant a wall-clock time typed in Paris stands for (a time skipped by the spring change moves forward an hour).</summary>
    public static DateTimeOffset FromParis(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Paris.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(unspecified, Paris.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
