using Bilan.Domain.Calendar;

namespace Bilan.Domain.Tests.Calendar;

public sealed class FrenchPublicHolidaysTests
{
    // Easter Sundays from published tables, the earliest (22 March) and latest (25 April) possible dates included.
    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void EasterSunday_Year_GregorianEaster(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FrenchPublicHolidays.EasterSunday(year));

    [Fact]
    public void EasterSunday_BeforeGregorianCalendar_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FrenchPublicHolidays.EasterSunday(1582));

    // The eleven holidays, in date order (ten in 2008, when Ascension fell on 1 May): 1 Jan, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 Jul,
    // 15 Aug, 1 Nov, 11 Nov, 25 Dec.
    [Theory]
    [InlineData(2026, "2026-01-01,2026-04-06,2026-05-01,2026-05-08,2026-05-14,2026-05-25,2026-07-14,2026-08-15,2026-11-01,2026-11-11,2026-12-25")]
    [InlineData(2027, "2027-01-01,2027-03-29,2027-05-01,2027-05-06,2027-05-08,2027-05-17,2027-07-14,2027-08-15,2027-11-01,2027-11-11,2027-12-25")]
    [InlineData(2028, "2028-01-01,2028-04-17,2028-05-01,2028-05-08,2028-05-25,2028-06-05,2028-07-14,2028-08-15,2028-11-01,2028-11-11,2028-12-25")]
    [InlineData(2008, "2008-01-01,2008-03-24,2008-05-01,2008-05-08,2008-05-12,2008-07-14,2008-08-15,2008-11-01,2008-11-11,2008-12-25")]
    public void Of_Year_DistinctHolidaysInDateOrder(int year, string expected) =>
        Assert.Equal(expected, string.Join(",", FrenchPublicHolidays.Of(year).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData("2026-04-06", true)] // Easter Monday
    [InlineData("2026-05-14", true)] // Ascension
    [InlineData("2026-05-25", true)] // Whit Monday, a holiday even where it is the journée de solidarité
    [InlineData("2027-03-29", true)] // Easter Monday
    [InlineData("2028-06-05", true)] // Whit Monday
    [InlineData("2026-04-03", false)] // Good Friday: Alsace-Moselle only
    [InlineData("2026-12-26", false)] // Saint Stephen: Alsace-Moselle only
    [InlineData("2026-04-05", false)] // Easter Sunday is a Sunday, not in the list
    [InlineData("2026-12-31", false)]
    [InlineData("2028-02-29", false)]
    public void IsPublicHoliday_Date_Expected(string date, bool expected) =>
        Assert.Equal(expected, FrenchPublicHolidays.IsPublicHoliday(D(date)));

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
