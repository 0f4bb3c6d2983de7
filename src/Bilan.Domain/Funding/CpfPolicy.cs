using System.Globalization;

namespace Bilan.Domain.Funding;

/// <summary>A policy value and the day from which it applies (a decree or an indexation changes it).</summary>
public sealed record DatedValue(DateOnly EffectiveFrom, long Value)
{
    public string EffectiveFromIso => EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The CPF figures in force on one day: each with the date it applies from; null when none applies yet.</summary>
public sealed record CpfTerms(DateOnly Date, DatedValue? CapPerBilanCents, DatedValue? HolderContributionCents, DatedValue? PublicBilanLookbackYears);

/// <summary>
/// The CPF funding rules' figures (DOMAIN.md, "Funding", marked policy), each a dated series: a value applies from
/// its date until the next one, and a funding line uses the values in force on its request date. The defaults are
/// here and only here; configuration (<c>Bilan:Cpf</c>) replaces a whole series.
/// </summary>
/// <remarks>
/// Defaults: the holder's flat contribution (participation forfaitaire, Code du travail L6323-4 as amended by the
/// 2023 finance law, decree 2024-394) introduced on 2 May 2024 at 100 EUR, indexed to 102.23 EUR on 1 January 2025
/// and 103.20 EUR on 1 January 2026 (the 2026 figure of DOMAIN.md). The cap of 1,600 EUR per bilan and the rule
/// "no CPF funding after a publicly funded bilan in the previous 5 years" are DOMAIN.md's 2026 figures; their date
/// of effect defaults to 1 January 2026 (set the decree's own date in configuration if it differs). Before the first
/// date of a series, that rule does not apply.
/// </remarks>
public sealed record CpfPolicy
{
    public static CpfPolicy Default { get; } = new();

    /// <summary>The most CPF pays for one bilan, in euro cents; the excess is the person's unless co-funded.</summary>
    public IReadOnlyList<DatedValue> CapPerBilanCents { get; init; } =
        [new(new DateOnly(2026, 1, 1), 160_000)];

    /// <summary>The flat contribution the holder pays on a CPF dossier, in euro cents (job seekers and co-funded dossiers exempt).</summary>
    public IReadOnlyList<DatedValue> HolderContributionCents { get; init; } =
    [
        new(new DateOnly(2024, 5, 2), 10_000),
        new(new DateOnly(2025, 1, 1), 10_223),
        new(new DateOnly(2026, 1, 1), 10_320),
    ];

    /// <summary>How many years after a publicly funded bilan the CPF funds no new one.</summary>
    public IReadOnlyList<DatedValue> PublicBilanLookbackYears { get; init; } =
        [new(new DateOnly(2026, 1, 1), 5)];

    /// <summary>The values in force on <paramref name="date"/>.</summary>
    public CpfTerms At(DateOnly date) =>
        new(date, InForce(CapPerBilanCents, date), InForce(HolderContributionCents, date), InForce(PublicBilanLookbackYears, date));

    /// <summary>Every series must be in strictly increasing date order with values ≥ 0; throws otherwise (checked at start-up).</summary>
    public CpfPolicy Validated()
    {
        Check(nameof(CapPerBilanCents), CapPerBilanCents);
        Check(nameof(HolderContributionCents), HolderContributionCents);
        Check(nameof(PublicBilanLookbackYears), PublicBilanLookbackYears);
        return this;
    }

    private static DatedValue? InForce(IReadOnlyList<DatedValue> series, DateOnly date) =>
        series.LastOrDefault(value => value.EffectiveFrom <= date);

    private static void Check(string name, IReadOnlyList<DatedValue> series)
    {
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i].Value < 0 || (i > 0 && series[i].EffectiveFrom <= series[i - 1].EffectiveFrom))
            {
                throw new InvalidOperationException(
                    $"Bilan:Cpf:{name}: values must be >= 0 and their dates strictly increasing (entry {i}).");
            }
        }
    }
}

/// <summary>The shape of the <c>Bilan:Cpf</c> configuration section: a series given replaces the default one.</summary>
public sealed class CpfPolicySettings
{
    public List<DatedSetting>? CapPerBilanCents { get; init; }

    public List<DatedSetting>? HolderContributionCents { get; init; }

    public List<DatedSetting>? PublicBilanLookbackYears { get; init; }

    public CpfPolicy ToPolicy()
    {
        var policy = CpfPolicy.Default;
        return (policy with
        {
            CapPerBilanCents = Read(CapPerBilanCents) ?? policy.CapPerBilanCents,
            HolderContributionCents = Read(HolderContributionCents) ?? policy.HolderContributionCents,
            PublicBilanLookbackYears = Read(PublicBilanLookbackYears) ?? policy.PublicBilanLookbackYears,
        }).Validated();
    }

    private static List<DatedValue>? Read(List<DatedSetting>? settings) =>
        settings is null ? null : [.. settings.Select(setting => new DatedValue(setting.EffectiveFrom, setting.Value))];
}

/// <summary>One configured value: <c>{ "EffectiveFrom": "2027-01-01", "Value": 10500 }</c>.</summary>
public sealed class DatedSetting
{
    public DateOnly EffectiveFrom { get; init; }

    public long Value { get; init; }
}
