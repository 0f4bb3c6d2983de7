using Bilan.Domain.Errors;
using Bilan.Server.Api;

namespace Bilan.Server.Tests.Api;

public sealed class PageKeysTests
{
    private static readonly FieldViolation Malformed =
        new("page_token", "MALFORMED_PAGE_TOKEN", "Not a page token issued by this API.", "Le jeton de page est invalide.");

    [Fact]
    public void ParseTime_FormattedTime_SameInstantInUtc()
    {
        var time = new DateTimeOffset(2026, 3, 2, 10, 15, 30, 123, TimeSpan.FromHours(1)).AddTicks(4567);

        var parsed = PageKeys.ParseTime(PageKeys.FormatTime(time));

        Assert.Equal(time, parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Fact]
    public void ParseGuid_FormattedGuid_SameGuid()
    {
        var id = Guid.NewGuid();

        Assert.Equal(id, PageKeys.ParseGuid(id.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-03-02")]
    [InlineData("2026-13-02T10:15:30.0000000+00:00")]
    public void ParseTime_TamperedValue_Malformed(string value) =>
        Assert.Equal(Malformed, Assert.Single(Assert.Throws<InvalidFieldsException>(() => PageKeys.ParseTime(value)).Violations));

    [Theory]
    [InlineData("")]
    [InlineData("0b9b4c5e")]
    [InlineData("'; DROP TABLE bilans; --")]
    public void ParseGuid_TamperedValue_Malformed(string value) =>
        Assert.Equal(Malformed, Assert.Single(Assert.Throws<InvalidFieldsException>(() => PageKeys.ParseGuid(value)).Violations));
}
