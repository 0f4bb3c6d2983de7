using Bilan.Domain.Errors;
using Bilan.Domain.Quality;

namespace Bilan.Domain.Tests.Quality;

public sealed class ComplaintRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static ComplaintDetails Valid => new(Today, ComplaintChannel.Email, Complainant.Beneficiary, "", "Retard", "Entretien décalé trois fois.");

    [Fact]
    public void Check_Valid_NoViolation() => Assert.Empty(ComplaintRules.Check(Valid, Today));

    [Fact]
    public void Check_EveryBadFieldAtOnce()
    {
        var details = new ComplaintDetails(Today.AddDays(1), ComplaintChannel.Unspecified, (Complainant)42, new string('n', 201), " ", new string('d', 4001));

        var violations = ComplaintRules.Check(details, Today);

        Assert.Equal(
            [
                ("complaint.received_date", "DATE_IN_FUTURE"), ("complaint.channel", "REQUIRED"), ("complaint.complainant", "UNKNOWN_VALUE"),
                ("complaint.complainant_name", "TOO_LONG"), ("complaint.subject", "REQUIRED"), ("complaint.description", "TOO_LONG"),
            ],
            violations.Select(v => (v.Field, v.Reason)));
    }

    [Theory]
    // given         received      today         expected      reason (null: accepted)
    [InlineData(null, "2026-11-20", "2026-11-27", "2026-11-27", null)]
    [InlineData("2026-11-20", "2026-11-20", "2026-11-27", "2026-11-20", null)]
    [InlineData("2026-11-19", "2026-11-20", "2026-11-27", "2026-11-19", "BEFORE_RECEIVED_DATE")]
    [InlineData("2026-11-28", "2026-11-20", "2026-11-27", "2026-11-28", "DATE_IN_FUTURE")]
    public void HandlingDate_TodayByDefault_NeitherFutureNorBeforeReceipt(string? given, string received, string today, string expected, string? reason)
    {
        var checks = new FieldChecks();

        var date = ComplaintRules.HandlingDate(Parse(given), Parse(received)!.Value, Parse(today)!.Value, "answer_date", checks);

        Assert.Equal(Parse(expected), date);
        Assert.Equal(reason, checks.Violations.SingleOrDefault()?.Reason);
    }

    private static DateOnly? Parse(string? value) =>
        value is null ? null : DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
