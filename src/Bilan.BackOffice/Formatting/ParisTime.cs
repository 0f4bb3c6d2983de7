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
}
