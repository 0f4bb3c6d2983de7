using Bilan.Domain.Calendar;

namespace Bilan.Domain.Tests.Calendar;

// Convention: the day of the event is day 0 and never counts; day 1 is the first working day strictly after it.
public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData("2026-11-23", true)] // Monday
    [InlineData("2026-11-27", true)] // Friday
    [InlineData("2026-11-28", false)] // Saturday
    [InlineData("2026-11-29", false)] // Sunday
    [InlineData("2026-04-03", true)] // Good Friday, a working day in metropolitan France
    [InlineData("2026-04-06", false)] // Easter Monday
    [InlineData("2027-03-29", false)] // Easter Monday
    [InlineData("2028-04-17", false)] // Easter Monday
    [InlineData("2026-05-14", false)] // Ascension
    [InlineData("2026-05-25", false)] // Whit Monday
    [InlineData("2026-07-14", false)]
    [InlineData("2026-12-25", false)]
    [InlineData("2027-01-01", false)]
    [InlineData("2028-02-29", true)] // leap day, a Tuesday
    public void IsWorkingDay_Date_Expected(string date, bool expected) => Assert.Equal(expected, WorkingDays.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2026-11-23", 2, "2026-11-25")] // Monday + 2 = Wednesday
    [InlineData("2026-11-26", 2, "2026-11-30")] // Thursday + 2 = Monday, over the weekend
    [InlineData("2026-11-27", 2, "2026-12-01")] // Friday + 2 = Tuesday, over the month end
    [InlineData("2026-11-28", 2, "2026-12-01")] // Saturday: Monday is day 1, Tuesday day 2
    [InlineData("2026-11-29", 1, "2026-11-30")] // Sunday + 1 = Monday
    [InlineData("2026-04-02", 2, "2026-04-07")] // Good Friday counts, Easter Monday 2026 does not
    [InlineData("2027-03-26", 1, "2027-03-30")] // Easter Monday 2027
    [InlineData("2028-04-14", 1, "2028-04-18")] // Easter Monday 2028
    [InlineData("2026-05-13", 1, "2026-05-15")] // Ascension 2026
    [InlineData("2029-05-18", 1, "2029-05-22")] // Whit Monday 2029
    [InlineData("2026-04-30", 1, "2026-05-04")] // 1 May 2026, a Friday
    [InlineData("2026-04-30", 5, "2026-05-11")] // 1 May and 8 May 2026
    [InlineData("2026-07-13", 1, "2026-07-15")] // 14 July
    [InlineData("2025-08-14", 1, "2025-08-18")] // 15 August 2025, a Friday
    [InlineData("2027-10-29", 1, "2027-11-02")] // 1 November 2027, a Monday
    [InlineData("2026-11-10", 1, "2026-11-12")] // 11 November
    [InlineData("2026-12-24", 1, "2026-12-28")] // Christmas
    [InlineData("2026-12-30", 2, "2027-01-04")] // over the year end and 1 January
    [InlineData("2028-02-25", 2, "2028-02-29")] // leap year
    [InlineData("2028-02-28", 2, "2028-03-01")] // leap year
    [InlineData("2027-02-26", 1, "2027-03-01")] // not a leap year
    [InlineData("2026-11-23", 11, "2026-12-08")]
    [InlineData("2026-03-25", 11, "2026-04-10")] // over Easter 2026
    [InlineData("2026-04-30", 11, "2026-05-20")] // over 1 May, 8 May and Ascension 2026
    [InlineData("2026-11-23", 0, "2026-11-23")] // 0 from a working day: the day itself
    [InlineData("2026-11-28", 0, "2026-11-30")] // 0 from a Saturday: the next working day
    [InlineData("2026-04-06", 0, "2026-04-07")] // 0 from Easter Monday: the next working day
    public void Add_DateAndDays_NthWorkingDayAfter(string date, int days, string expected) =>
        Assert.Equal(D(expected), WorkingDays.Add(D(date), days));

    [Fact]
    public void Add_NegativeDays_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Add(D("2026-11-23"), -1));

    [Theory]
    [InlineData("2026-11-23", "2026-11-23", 0)]
    [InlineData("2026-11-27", "2026-11-30", 1)] // Friday to Monday
    [InlineData("2026-11-28", "2026-11-29", 0)] // Saturday to Sunday
    [InlineData("2026-11-23", "2026-11-30", 5)]
    [InlineData("2026-04-02", "2026-04-07", 2)] // Good Friday and Tuesday; Easter Monday not
    [InlineData("2027-03-26", "2027-03-30", 1)]
    [InlineData("2028-04-14", "2028-04-18", 1)]
    [InlineData("2026-12-24", "2027-01-04", 5)] // Christmas and 1 January over the year end
    [InlineData("2028-01-31", "2028-02-29", 21)] // February of a leap year
    [InlineData("2027-01-31", "2027-02-28", 20)] // February of a common year
    [InlineData("2025-12-31", "2026-12-31", 252)] // the whole of 2026: 261 weekdays, 9 holidays on weekdays
    [InlineData("2027-12-31", "2028-12-31", 251)] // the whole of 2028: 260 weekdays, 9 holidays on weekdays
    [InlineData("2026-11-30", "2026-11-27", -1)] // backwards: the same count, negative
    public void Count_FromTo_WorkingDaysAfterFromUpToTo(string from, string to, int expected) =>
        Assert.Equal(expected, WorkingDays.Count(D(from), D(to)));

    public static TheoryData<DateOnly, int> DaysAndCounts()
    {
        var data = new TheoryData<DateOnly, int>();
        for (var day = D("2026-12-20"); day <= D("2027-01-05"); day = day.AddDays(1))
        {
            foreach (var n in new[] { 1, 2, 3, 11 })
            {
                data.Add(day, n);
            }
        }

        data.Add(D("2026-03-28"), 11);
        data.Add(D("2028-02-26"), 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(DaysAndCounts))]
    public void Count_FromDateToAddedDate_TheDaysAdded(DateOnly date, int days) =>
        Assert.Equal(days, WorkingDays.Count(date, WorkingDays.Add(date, days)));

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
