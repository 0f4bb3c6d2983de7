namespace Bilan.Domain.Alerts;

/// <summary>
/// The figures of the dashboard's alerts (DOMAIN.md "policy"), settings <c>Bilan:Alerts</c>, in one place.
/// </summary>
public sealed record AlertPolicy
{
    /// <summary>How long before a deadline an alert shows as upcoming (policy, default 7 days).</summary>
    public int UpcomingWindowDays { get; init; } = 7;

    /// <summary>
    /// Planned hours (interviews scheduled and held) from which a bilan is flagged as near the legal cap of 24 hours
    /// (Code du travail L6313-4; policy, default 20).
    /// </summary>
    public int PlannedHoursThreshold { get; init; } = 20;

    /// <summary>Days without any event after which a bilan in progress is overdue for attention (policy, default 21).</summary>
    public int IdleDays { get; init; } = 21;
}
