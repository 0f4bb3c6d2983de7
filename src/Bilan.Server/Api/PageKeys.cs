using System.Globalization;

namespace Bilan.Server.Api;

/// <summary>Reads the sort-key values out of a decoded page token; a tampered value is INVALID_ARGUMENT.</summary>
public static class PageKeys
{
    public static Guid ParseGuid(string value) =>
        Guid.TryParse(value, out var id) ? id : throw Malformed();

    public static long ParseLong(string value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : throw Malformed();

    public static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.TryParseExact(value, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw Malformed();

    public static string FormatTime(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static Domain.Errors.InvalidFieldsException Malformed() =>
        PageToken.Invalid("MALFORMED_PAGE_TOKEN", "Not a page token issued by this API.", "Le jeton de page est invalide.");
}
