using System.Buffers.Text;
using System.Text;
using Bilan.Domain.Errors;
using Bilan.Server.Api;

namespace Bilan.Server.Tests.Api;

public sealed class PageTokenTests
{
    private const string Filter = "state = STATE_REQUESTED";

    private static readonly FieldViolation Malformed =
        new("page_token", "MALFORMED_PAGE_TOKEN", "Not a page token issued by this API.", "Le jeton de page est invalide.");

    [Fact]
    public void Decode_EmptyToken_FirstPage() => Assert.Null(PageToken.Decode("", Filter, keyLength: 2));

    [Theory]
    [InlineData("")]
    [InlineData(Filter)]
    [InlineData("family_name = \"Hélène \\\"la grande\\\"*\"")]
    public void Decode_TokenIssuedForSameFilter_ReturnsTheLastKey(string filter)
    {
        string[] lastKey = ["2026-03-02T09:15:00.0000000+00:00", "0b9b4c5e-8a86-4a3e-9f1b-3c9b1d2f6a10", "Müller, \"Jo\""];

        var token = PageToken.Encode(filter, lastKey);

        Assert.Equal(lastKey, PageToken.Decode(token, filter, keyLength: 3));
    }

    [Fact]
    public void Encode_AnyKey_OpaqueUrlSafeToken()
    {
        var token = PageToken.Encode(Filter, "Martin", "0b9b4c5e-8a86-4a3e-9f1b-3c9b1d2f6a10");

        Assert.DoesNotContain("Martin", token, StringComparison.Ordinal);
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
    }

    [Theory]
    [InlineData("state = STATE_CLOSED")]
    [InlineData("")]
    [InlineData("state = STATE_REQUESTED ")]
    public void Decode_TokenIssuedForAnotherFilter_FilterMismatch(string otherFilter)
    {
        var token = PageToken.Encode(Filter, "a", "b");

        AssertRefused(token, otherFilter, 2,
            new FieldViolation("page_token", "PAGE_TOKEN_FILTER_MISMATCH",
                "The page token was issued for another filter: start again without it.",
                "Le jeton de page correspond à un autre filtre : recommencez depuis la première page."));
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("!!!!")]
    [InlineData("abc")]
    [InlineData("A")]
    [InlineData("eyJGIjoi")] // The start of a real token: {"F":"
    public void Decode_Garbage_Malformed(string token) => AssertRefused(token, Filter, 2, Malformed);

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"F\":\"x\",\"K\":\"not an array\"}")]
    [InlineData("{}")]
    [InlineData("{\"F\":\"x\"}")]
    [InlineData("{\"K\":[\"a\",\"b\"]}")]
    public void Decode_ForgedJson_Malformed(string json) => AssertRefused(Forged(json), Filter, 2, Malformed);

    [Fact]
    public void Decode_TruncatedToken_Malformed()
    {
        var token = PageToken.Encode(Filter, "a", "b");

        AssertRefused(token[..^4], Filter, 2, Malformed);
    }

    [Fact]
    public void Decode_TokenWithGarbageAppended_Malformed()
    {
        var token = PageToken.Encode(Filter, "a", "b");

        AssertRefused(token + "AAAA", Filter, 2, Malformed);
    }

    [Fact]
    public void Decode_TokenWithNonBase64Character_Malformed()
    {
        var token = PageToken.Encode(Filter, "a", "b");

        AssertRefused(token[..5] + "*" + token[6..], Filter, 2, Malformed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Decode_TokenOfAnotherKeyLength_Malformed(int keyLength)
    {
        // A token of another list method (beneficiaries resume on 3 keys, bilans on 2).
        var token = PageToken.Encode(Filter, "a", "b");

        AssertRefused(token, Filter, keyLength, Malformed);
    }

    private static string Forged(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static void AssertRefused(string token, string filter, int keyLength, FieldViolation expected)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => PageToken.Decode(token, filter, keyLength));

        Assert.Equal(expected, Assert.Single(exception.Violations));
    }
}
