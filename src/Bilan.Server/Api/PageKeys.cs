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

    /// <summary>
    /// The (time, id) sort key a page token of a chronological child list resumes after; before the first item
    /// for the first page.
    /// </summary>
    public static (DateTimeOffset Time, Guid Id) TimeAndIdAfter(string pageToken, string parent) =>
        PageToken.Decode(pageToken, parent, keyLength: 2) is [var time, var id]
            ? (ParseTime(time), ParseGuid(id))
            : (DateTimeOffset.MinValue, Guid.Empty);

    public static string FormatTime(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static Domain.Errors.InvalidFieldsException Malformed() =>
        PageToken.Invalid("MALFORMED_PAGE_TOKEN", "Not a page token issued by this API.", "Le jeton de page est invalide.");
}
