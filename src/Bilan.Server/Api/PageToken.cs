using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bilan.Domain.Errors;

namespace Bilan.Server.Api;

/// <summary>
/// An opaque page token (AIP-158): the sort key of the last item returned, for keyset pagination, bound to
/// the filter it was issued for. Callers must not build or change it.
/// </summary>
public static class PageToken
{
    /// <summary>A token resuming after the item whose sort key is <paramref name="lastKey"/>.</summary>
    public static string Encode(string filter, params string[] lastKey)
    {
        var payload = new TokenPayload(Fingerprint(filter), lastKey);
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, TokenJson.Default.TokenPayload));
    }

    /// <summary>
    /// The sort key a token resumes after, or null for the first page. A token that was not issued by
    /// this API, or for another filter, is INVALID_ARGUMENT.
    /// </summary>
    public static string[]? Decode(string token, string filter, int keyLength)
    {
        if (token.Length == 0)
        {
            return null;
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token), TokenJson.Default.TokenPayload);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            payload = null;
        }

        if (payload?.K is null || payload.F is null || payload.K.Length != keyLength)
        {
            throw Invalid("MALFORMED_PAGE_TOKEN", "Not a page token issued by this API.", "Le jeton de page est invalide.");
        }

        if (payload.F != Fingerprint(filter))
        {
            throw Invalid("PAGE_TOKEN_FILTER_MISMATCH", "The page token was issued for another filter: start again without it.",
                "Le jeton de page correspond à un autre filtre : recommencez depuis la première page.");
        }

        return payload.K;
    }

    /// <summary>
    /// Cuts the rows a list read (one more than the page size, to learn whether another page follows) to the page,
    /// with the token of the next page, empty on the last page.
    /// </summary>
    public static (List<T> Page, string NextPageToken) Cut<T>(IReadOnlyList<T> rows, int pageSize, string filter, Func<T, string[]> sortKeyOf)
    {
        var page = rows.Take(pageSize).ToList();
        return (page, rows.Count > pageSize ? Encode(filter, sortKeyOf(page[^1])) : "");
    }

    public static InvalidFieldsException Invalid(string reason, string description, string french) =>
        new([new FieldViolation("page_token", reason, description, french)]);

    private static string Fingerprint(string filter) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(filter)), 0, 8);

    internal sealed record TokenPayload(string F, string[] K);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(PageToken.TokenPayload))]
internal sealed partial class TokenJson : System.Text.Json.Serialization.JsonSerializerContext;
