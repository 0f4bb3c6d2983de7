namespace Bilan.Domain.Bilans;

/// <summary>
/// Figures the provider may set (DOMAIN.md marks them "policy"), in one place, shown to staff.
/// The defaults are those in force in 2026.
/// </summary>
public sealed record BilanPolicy
{
    /// <summary>The legal maximum of accompaniment per bilan (Code du travail L6313-4): not a setting.</summary>
    public const int MaximumHours = 24;

    /// <summary>Minimum hours of effective accompaniment (decree of 2026; policy, default 13).</summary>
    public int MinimumEffectiveHours { get; init; } = 13;
}
