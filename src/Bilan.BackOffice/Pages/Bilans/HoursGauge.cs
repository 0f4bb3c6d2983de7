using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// Accompaniment hours of a bilan: held (the only ones that count, L6313-4) and still planned, against the
/// minimum of effective accompaniment in force on the server (PolicyService.GetPolicy; policy, 13 h by default) and
/// the legal maximum of 24 h. <see cref="MinimumHours"/> is null when the policy could not be read: the figures are
/// then shown without a minimum rather than against a possibly wrong one. Every figure is given as text; the bars
/// only repeat it.
/// </summary>
public sealed record HoursGauge(int HeldMinutes, int ScheduledMinutes, int? MinimumHours, int MaximumHours)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>
    /// Sums the interviews: held ones by their held minutes, scheduled ones by their planned length. Without a
    /// <paramref name="policy"/> (it could not be read), no minimum and the legal maximum (L6313-4).
    /// </summary>
    public static HoursGauge Of(IEnumerable<Interview> interviews, Policy? policy)
    {
        ArgumentNullException.ThrowIfNull(interviews);
        var list = interviews.ToList();
        return new HoursGauge(
            list.Where(i => i.Status == InterviewStatus.Held).Sum(i => i.HeldMinutes),
            list.Where(i => i.Status == InterviewStatus.Scheduled).Sum(i => i.DurationMinutes),
            policy is { MinimumEffectiveHours: > 0 } ? policy.MinimumEffectiveHours : null,
            policy is { MaximumHours: > 0 } ? policy.MaximumHours : BilanPolicy.MaximumHours);
    }

    /// <summary>Whether the minimum in force is known (the policy could be read).</summary>
    public bool MinimumKnown => MinimumHours is not null;

    /// <summary>Held plus still scheduled minutes.</summary>
    public int PlannedMinutes => HeldMinutes + ScheduledMinutes;

    /// <summary>Whether the held hours reach the minimum (false when it is unknown).</summary>
    public bool MinimumReached => MinimumHours is int minimum && HeldMinutes >= minimum * 60;

    /// <summary>Held hours as text, for example « 7 h 30 ».</summary>
    public string Held => Hours(HeldMinutes);

    /// <summary>Scheduled hours to come as text.</summary>
    public string Scheduled => Hours(ScheduledMinutes);

    /// <summary>Held plus scheduled hours as text.</summary>
    public string Planned => Hours(PlannedMinutes);

    /// <summary>What is left to hold to reach the minimum, as text (« 0 h » once reached, empty when unknown).</summary>
    public string MissingForMinimum => MinimumHours is int minimum ? Hours(Math.Max(0, (minimum * 60) - HeldMinutes)) : string.Empty;

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
