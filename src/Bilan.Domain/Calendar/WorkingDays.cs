namespace Bilan.Domain.Calendar;

/// <summary>
/// Working days (jours ouvrés) as EDOF counts them: Monday to Friday, except the public holidays of metropolitan
/// France (<see cref="FrenchPublicHolidays"/>).
/// </summary>
/// <remarks>
/// Counting convention, the same for <see cref="Add"/> and <see cref="Count"/>: the day of the event (a request,
/// a proposal, an entry) is day 0 and never counts, whatever day it is; day 1 is the first working day strictly
/// after it. So a deadline of N working days is the N-th working day after the event, and an event on a Saturday,
/// a Sunday or a holiday starts counting at the next working day (Saturday + 2 = Tuesday, like Friday + 2). This
/// is the usual way French deadlines are computed (the day of the event does not count) and it makes
/// <c>Count(d, Add(d, n)) == n</c> for every date and every n ≥ 1 (and for 0 when d is a working day).
/// </remarks>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !FrenchPublicHolidays.IsPublicHoliday(date);

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="date"/>; for 0, <paramref name="date"/> itself
    /// when it is a working day, else the next working day.
    /// </summary>
    public static DateOnly Add(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var current = date;
        if (days == 0)
        {
            while (!IsWorkingDay(current))
            {
                current = current.AddDays(1);
            }

            return current;
        }

        var counted = 0;
        while (counted < days)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }

        return current;
    }

    /// <summary>
    /// The working days after <paramref name="from"/> up to and including <paramref name="to"/> (from excluded,
    /// to included); negative, the same count, when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    public static int Count(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -Count(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
