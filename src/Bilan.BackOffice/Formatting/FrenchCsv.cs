using System.Text;

namespace Bilan.BackOffice.Formatting;

/// <summary>
/// CSV bytes French spreadsheets open as they are: UTF-8 with a byte order mark, <c>;</c> between fields, CRLF line ends,
/// a field quoted only when it holds a separator, a quote or a line break (RFC 4180).
/// </summary>
public static class FrenchCsv
{
    /// <summary>The file's bytes: BOM, then one line per row.</summary>
    public static byte[] Build(IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join(';', row.Select(Field))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Field(string value) =>
        value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
