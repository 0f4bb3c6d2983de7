using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// Accompaniment hours of a bilan: held (the only ones that count, L6313-4) and still planned, against the
/// minimum of effective accompaniment (policy, 13 h by default) and the legal maximum of 24 h. Every figure is
/// given as text; the bars only repeat it.
/// </summary>
public sealed record HoursGauge(int HeldMinutes, int ScheduledMinutes, int MinimumHours, int MaximumHours)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Sums the interviews: held ones by their held minutes, scheduled ones by their planned length.</summary>
    public static HoursGauge Of(IEnumerable<Interview> interviews, BilanPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(interviews);
        ArgumentNullException.ThrowIfNull(policy);
        var list = interviews.ToList();
        return new HoursGauge(
            list.Where(i => i.Status == InterviewStatus.Held).Sum(i => i.HeldMinutes),
            list.Where(i => i.Status == InterviewStatus.Scheduled).Sum(i => i.DurationMinutes),
            policy.MinimumEffectiveHours,
            BilanPolicy.MaximumHours);
    }

    /// <summary>Held plus still scheduled minutes.</summary>
    public int PlannedMinutes => HeldMinutes + ScheduledMinutes;

    /// <summary>Whether the held hours reach the minimum.</summary>
    public bool MinimumReached => HeldMinutes >= MinimumHours * 60;

    /// <summary>Held hours as text, for example « 7 h 30 ».</summary>
    public string Held => Hours(HeldMinutes);

    /// <summary>Scheduled hours to come as text.</summary>
    public string Scheduled => Hours(ScheduledMinutes);

    /// <summary>Held plus scheduled hours as text.</summary>
    public string Planned => Hours(PlannedMinutes);

    /// <summary>What is left to hold to reach the minimum, as text (« 0 h » once reached).</summary>
    public string MissingForMinimum => Hours(Math.Max(0, (MinimumHours * 60) - HeldMinutes));

    /// <summary>Held hours with one decimal, for the <c>meter</c> value (invariant culture).</summary>
    public string HeldValue => (HeldMinutes / 60.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Planned hours with one decimal, for the <c>meter</c> value (invariant culture).</summary>
    public string PlannedValue => (PlannedMinutes / 60.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>« 7 h 30 », « 13 h », « 0 h ».</summary>
    public static string Hours(int minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        return rest == 0
            ? string.Create(French, $"{hours} h")
            : string.Create(French, $"{hours} h {rest:00}");
    }
}
