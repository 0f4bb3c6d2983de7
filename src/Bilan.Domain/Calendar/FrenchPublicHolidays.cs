using System.Collections.Concurrent;

namespace Bilan.Domain.Calendar;

/// <summary>
/// The eleven public holidays (jours fériés, Code du travail L3133-1) of metropolitan France:
/// 1 January, Easter Monday, 1 May, 8 May, Ascension Thursday (Easter + 39 days), Whit Monday (Easter + 50 days),
/// 14 July, 15 August, 1 November, 11 November and 25 December.
/// </summary>
/// <remarks>
/// Not included: Alsace-Moselle's two extra days (Good Friday and 26 December, L3134-13), nor the overseas
/// departments' days (abolition of slavery...). Whit Monday (lundi de Pentecôte) stays a public holiday even though
/// many companies make it their "journée de solidarité" (L3133-7): it is a holiday that some people work, and EDOF
/// counts it as non-working.
/// </remarks>
public static class FrenchPublicHolidays
{
    /// <summary>The holidays of each year asked so far (<see cref="IsPublicHoliday"/>).</summary>
    private static readonly ConcurrentDictionary<int, IReadOnlyList<DateOnly>> ByYear = new();

    /// <summary>Easter Sunday of <paramref name="year"/> by the Gregorian computus (the anonymous "Meeus/Jones/Butcher" algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>
    /// The public holidays of <paramref name="year"/>, distinct and in date order: ten dates, not eleven, when
    /// Ascension falls on 1 May (2008, 2285).
    /// </summary>
    public static IReadOnlyList<DateOnly> Of(int year)
    {
        var easter = EasterSunday(year);
        DateOnly[] days =
        [
            new DateOnly(year, 1, 1),
            easter.AddDays(1),
            new DateOnly(year, 5, 1),
            new DateOnly(year, 5, 8),
            easter.AddDays(39),
            easter.AddDays(50),
            new DateOnly(year, 7, 14),
            new DateOnly(year, 8, 15),
            new DateOnly(year, 11, 1),
            new DateOnly(year, 11, 11),
            new DateOnly(year, 12, 25),
        ];
        return days.Distinct().Order().ToList();
    }

    /// <summary>
    /// Whether <paramref name="date"/> is a public holiday. Each year's holidays are computed once: working days are
    /// counted one day at a time, and the alerts count the EDOF deadlines of every open dossier on each listing.
    /// </summary>
    public static bool IsPublicHoliday(DateOnly date) => ByYear.GetOrAdd(date.Year, Of).Contains(date);
}
