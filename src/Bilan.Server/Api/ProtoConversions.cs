using Bilan.Domain.Errors;
using Google.Protobuf.WellKnownTypes;
using ProtoDate = Google.Type.Date;

namespace Bilan.Server.Api;

/// <summary>Between proto well-known types and .NET dates and times.</summary>
public static class ProtoConversions
{
    public static Timestamp ToTimestamp(DateTimeOffset value) => Timestamp.FromDateTimeOffset(value);

    public static ProtoDate? ToProtoDate(DateOnly? value) =>
        value is { } date ? new ProtoDate { Year = date.Year, Month = date.Month, Day = date.Day } : null;

    /// <summary>
    /// Reads an optional full date; a partial or impossible date (year 0, 31 February) is reported
    /// in <paramref name="checks"/> under <paramref name="field"/> and read as null.
    /// </summary>
    public static DateOnly? ToDateOnly(ProtoDate? value, string field, FieldChecks checks)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Year is >= 1 and <= 9999 && value.Month is >= 1 and <= 12
            && value.Day >= 1 && value.Day <= DateTime.DaysInMonth(value.Year, value.Month))
        {
            return new DateOnly(value.Year, value.Month, value.Day);
        }

        checks.Add(field, "INVALID_DATE", "Not a full calendar date (year 1-9999, month 1-12, a day of that month).",
            "Cette date n'existe pas.");
        return null;
    }

    /// <summary>Reads a required full date, reporting its absence under <paramref name="field"/>.</summary>
    public static DateOnly RequireDateOnly(ProtoDate? value, string field, FieldChecks checks)
    {
        if (value is null)
        {
            checks.Add(field, "REQUIRED", "Required.", "Cette date est obligatoire.");
            return DateOnly.MinValue;
        }

        return ToDateOnly(value, field, checks) ?? DateOnly.MinValue;
    }
}
