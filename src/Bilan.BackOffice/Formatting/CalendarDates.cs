using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using ProtoDate = Google.Type.Date;

namespace Bilan.BackOffice.Formatting;

/// <summary>Calendar days between the API (<c>google.type.Date</c>), the forms (<see cref="DateOnly"/>) and the screen (<c>dd/MM/yyyy</c>).</summary>
public static class CalendarDates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The day, or null when the API left it unset.</summary>
    public static DateOnly? ToDateOnly(ProtoDate? date) =>
        date is { Year: > 0, Month: > 0, Day: > 0 } ? new DateOnly(date.Year, date.Month, date.Day) : null;

    /// <summary>The API's day, or null for no day.</summary>
    public static ProtoDate? ToProto(DateOnly? date) =>
        date is { } day ? new ProtoDate { Year = day.Year, Month = day.Month, Day = day.Day } : null;

    /// <summary>The day as staff read it, for example <c>04/01/2027</c>; a dash when unset.</summary>
    public static string Format(ProtoDate? date) => Format(ToDateOnly(date));

    /// <summary>The day as staff read it, for example <c>04/01/2027</c>; a dash when unset.</summary>
    public static string Format(DateOnly? date) => date is { } day ? day.ToString("dd/MM/yyyy", French) : "—";

    /// <summary>An instant of the API in Paris time; a dash when unset.</summary>
    public static string Format(Timestamp? instant) => instant is null ? "—" : ParisTime.Format(instant.ToDateTimeOffset());

    /// <summary>A Paris wall-clock time for a <c>datetime-local</c> field, to the minute.</summary>
    public static DateTime ToParisLocal(DateTimeOffset instant)
    {
        var paris = TimeZoneInfo.ConvertTime(instant, Paris).DateTime;
        return new DateTime(paris.Year, paris.Month, paris.Day, paris.Hour, paris.Minute, 0, DateTimeKind.Unspecified);
    }
}
