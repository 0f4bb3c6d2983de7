using Bilan.Domain.Errors;
using Bilan.Server.Api;
using ProtoDate = Google.Type.Date;

namespace Bilan.Server.Tests.Api;

public sealed class ProtoConversionsTests
{
    [Fact]
    public void ToDateOnly_Null_NullWithoutViolation()
    {
        var checks = new FieldChecks();

        Assert.Null(ProtoConversions.ToDateOnly(null, "bilan.planned_start_date", checks));
        Assert.Empty(checks.Violations);
    }

    [Theory]
    [InlineData(2026, 3, 2)]
    [InlineData(2028, 2, 29)]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void ToDateOnly_FullDate_SameDate(int year, int month, int day)
    {
        var checks = new FieldChecks();

        Assert.Equal(new DateOnly(year, month, day),
            ProtoConversions.ToDateOnly(new ProtoDate { Year = year, Month = month, Day = day }, "bilan.planned_start_date", checks));
        Assert.Empty(checks.Violations);
    }

    [Theory]
    [InlineData(2026, 2, 29)]
    [InlineData(2026, 2, 30)]
    [InlineData(2026, 4, 31)]
    [InlineData(0, 3, 2)] // Year 0: a date without its year.
    [InlineData(2026, 0, 0)] // A year only.
    [InlineData(2026, 13, 1)]
    [InlineData(2026, 3, 0)]
    [InlineData(10000, 1, 1)]
    [InlineData(-1, 1, 1)]
    public void ToDateOnly_PartialOrImpossibleDate_InvalidDateOnTheField(int year, int month, int day)
    {
        var checks = new FieldChecks();

        Assert.Null(ProtoConversions.ToDateOnly(new ProtoDate { Year = year, Month = month, Day = day }, "situations[2].end_date", checks));
        Assert.Equal(
            new FieldViolation("situations[2].end_date", "INVALID_DATE",
                "Not a full calendar date (year 1-9999, month 1-12, a day of that month).", "Cette date n'existe pas."),
            Assert.Single(checks.Violations));
    }

    [Fact]
    public void RequireDateOnly_Null_Required()
    {
        var checks = new FieldChecks();

        ProtoConversions.RequireDateOnly(null, "situations[0].start_date", checks);

        Assert.Equal(
            new FieldViolation("situations[0].start_date", "REQUIRED", "Required.", "Cette date est obligatoire."),
            Assert.Single(checks.Violations));
    }

    [Fact]
    public void RequireDateOnly_FullDate_SameDate()
    {
        var checks = new FieldChecks();

        Assert.Equal(new DateOnly(2025, 1, 31),
            ProtoConversions.RequireDateOnly(new ProtoDate { Year = 2025, Month = 1, Day = 31 }, "situations[0].start_date", checks));
        Assert.Empty(checks.Violations);
    }

    [Fact]
    public void ToProtoDate_Date_SameYearMonthDay() =>
        Assert.Equal(new ProtoDate { Year = 2026, Month = 6, Day = 30 }, ProtoConversions.ToProtoDate(new DateOnly(2026, 6, 30)));

    [Fact]
    public void ToProtoDate_Null_Null() => Assert.Null(ProtoConversions.ToProtoDate(null));

    [Fact]
    public void ToTimestamp_AnyOffset_SameInstant()
    {
        var time = new DateTimeOffset(2026, 3, 2, 10, 15, 30, TimeSpan.FromHours(1));

        Assert.Equal(time, ProtoConversions.ToTimestamp(time).ToDateTimeOffset());
    }
}
