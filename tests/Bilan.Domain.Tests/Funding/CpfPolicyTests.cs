using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;

namespace Bilan.Domain.Tests.Funding;

public sealed class CpfPolicyTests
{
    private static readonly CpfPolicy Policy = CpfPolicy.Default;

    // The flat contribution: none before 2 May 2024, then 100 EUR, 102.23 EUR from 2025, 103.20 EUR from 2026.
    [Theory]
    [InlineData("2024-05-01", null, null)]
    [InlineData("2024-05-02", 10_000L, "2024-05-02")]
    [InlineData("2024-12-31", 10_000L, "2024-05-02")]
    [InlineData("2025-01-01", 10_223L, "2025-01-01")]
    [InlineData("2025-12-31", 10_223L, "2025-01-01")]
    [InlineData("2026-01-01", 10_320L, "2026-01-01")]
    [InlineData("2027-06-30", 10_320L, "2026-01-01")]
    public void At_RequestDate_ContributionInForce(string date, long? cents, string? since)
    {
        var value = Policy.At(D(date)).HolderContributionCents;

        Assert.Equal(cents, value?.Value);
        Assert.Equal(since, value?.EffectiveFromIso);
    }

    [Theory]
    [InlineData("2025-12-31", null)]
    [InlineData("2026-01-01", 160_000L)]
    public void At_RequestDate_CapInForce(string date, long? cents) =>
        Assert.Equal(cents, Policy.At(D(date)).CapPerBilanCents?.Value);

    [Fact]
    public void ToPolicy_ConfiguredSeries_ReplacesOnlyThatSeries()
    {
        var settings = new CpfPolicySettings
        {
            HolderContributionCents = [new DatedSetting { EffectiveFrom = D("2027-01-01"), Value = 10_500 }],
        };

        var policy = settings.ToPolicy();

        Assert.Equal([new DatedValue(D("2027-01-01"), 10_500)], policy.HolderContributionCents);
        Assert.Equal(Policy.CapPerBilanCents, policy.CapPerBilanCents);
        Assert.Null(policy.At(D("2026-06-01")).HolderContributionCents);
    }

    [Fact]
    public void ToPolicy_DatesOutOfOrder_Throws()
    {
        var settings = new CpfPolicySettings
        {
            CapPerBilanCents = [new DatedSetting { EffectiveFrom = D("2027-01-01"), Value = 1 }, new DatedSetting { EffectiveFrom = D("2026-01-01"), Value = 2 }],
        };

        Assert.Throws<InvalidOperationException>(settings.ToPolicy);
    }

    // Contribution: job seekers and co-funded dossiers are exempt; otherwise the value in force on the request date.
    [Theory]
    [InlineData(PublicCategory.Employee, false, "2026-03-02", 10_320L, ContributionExemption.None)]
    [InlineData(PublicCategory.Employee, false, "2025-03-03", 10_223L, ContributionExemption.None)]
    [InlineData(PublicCategory.PrivateIndividual, false, "2024-06-03", 10_000L, ContributionExemption.None)]
    [InlineData(PublicCategory.SelfEmployed, false, "2024-04-30", 0L, ContributionExemption.None)]
    [InlineData(PublicCategory.JobSeeker, false, "2026-03-02", 0L, ContributionExemption.JobSeeker)]
    [InlineData(PublicCategory.Employee, true, "2026-03-02", 0L, ContributionExemption.CoFunded)]
    [InlineData(PublicCategory.JobSeeker, true, "2026-03-02", 0L, ContributionExemption.JobSeeker)]
    public void Contribution_ByPublicAndCoFunding(PublicCategory category, bool coFunded, string date, long cents, ContributionExemption exemption)
    {
        var contribution = CpfRules.Contribution(Policy.At(D(date)), category, coFunded);

        Assert.Equal(cents, contribution.Cents);
        Assert.Equal(exemption, contribution.Exemption);
    }

    [Theory]
    [InlineData(FunderType.EmployerPlan, FundingStatus.Requested, true)]
    [InlineData(FunderType.Opco, FundingStatus.Paid, true)]
    [InlineData(FunderType.FranceTravail, FundingStatus.Accepted, true)]
    [InlineData(FunderType.Other, FundingStatus.Requested, true)]
    [InlineData(FunderType.Opco, FundingStatus.Refused, false)]
    [InlineData(FunderType.Personal, FundingStatus.Paid, false)]
    [InlineData(FunderType.Cpf, FundingStatus.Accepted, false)]
    public void IsCoFunder_ByTypeAndStatus(FunderType type, FundingStatus status, bool expected) =>
        Assert.Equal(expected, CpfRules.IsCoFunder(type, status));

    [Theory]
    [InlineData(160_000L, "2026-02-02")] // the cap itself
    [InlineData(250_000L, "2025-12-31")] // no cap yet
    public void CheckCap_WithinCapOrBeforeIt_Null(long amount, string date) =>
        Assert.Null(CpfRules.CheckCap(amount, Policy.At(D(date))));

    [Fact]
    public void CheckCap_Above_SaysCapAndItsDate()
    {
        var rule = CpfRules.CheckCap(160_001, Policy.At(D("2026-03-02")));

        Assert.NotNull(rule);
        Assert.Equal("CPF_CAP_EXCEEDED", rule.Reason);
        Assert.Equal("160000", rule.Metadata["cap_cents"]);
        Assert.Equal("2026-01-01", rule.Metadata["effective_date"]);
        Assert.Equal("2026-03-02", rule.Metadata["requested_date"]);
        Assert.Contains("1,600.00 EUR", rule.Message, StringComparison.Ordinal);
        Assert.Contains("since 2026-01-01", rule.Message, StringComparison.Ordinal);
        Assert.Contains("depuis le 01/01/2026", rule.FrenchMessage, StringComparison.Ordinal);
    }

    // Look-back of 5 years from the request of 2026-03-02: a public funding requested after 2021-03-02 forbids the CPF.
    [Theory]
    [InlineData(FunderType.Cpf, "2021-03-03", true)]
    [InlineData(FunderType.Opco, "2024-01-10", true)]
    [InlineData(FunderType.FranceTravail, "2026-03-02", true)]
    [InlineData(FunderType.Cpf, "2021-03-02", false)] // exactly 5 years before
    [InlineData(FunderType.EmployerPlan, "2025-01-10", false)] // not public money
    [InlineData(FunderType.Personal, "2025-01-10", false)]
    public void CheckNoRecentPublicBilan_ByFunderAndDate(FunderType type, string previous, bool refused)
    {
        var rule = CpfRules.CheckNoRecentPublicBilan(Policy.At(D("2026-03-02")), [new PriorFunding("bilans/1", type, D(previous))]);

        Assert.Equal(refused, rule is not null);
        if (rule is not null)
        {
            Assert.Equal("CPF_RECENT_PUBLIC_BILAN", rule.Reason);
            Assert.Equal("5", rule.Metadata["lookback_years"]);
            Assert.Equal("2026-01-01", rule.Metadata["effective_date"]);
            Assert.Equal(previous, rule.Metadata["previous_requested_date"]);
            Assert.Equal("bilans/1", rule.Metadata["previous_bilan"]);
        }
    }

    [Fact]
    public void CheckNoRecentPublicBilan_BeforeTheRuleApplies_Null() =>
        Assert.Null(CpfRules.CheckNoRecentPublicBilan(Policy.At(D("2025-06-02")), [new PriorFunding("bilans/1", FunderType.Cpf, D("2024-01-10"))]));

    [Theory]
    [InlineData(20, 20, true)]
    [InlineData(12, 20, true)]
    [InlineData(21, 20, false)]
    public void CheckFundableHours_OnlyAccompaniment(int funded, int accompaniment, bool ok)
    {
        var rule = CpfRules.CheckFundableHours(funded, accompaniment);

        Assert.Equal(ok, rule is null);
        Assert.Equal(ok ? null : "CPF_HOURS_NOT_FUNDABLE", rule?.Reason);
    }

    [Fact]
    public void EnsureFundable_BreaksCap_ThrowsCapExceeded()
    {
        var exception = Assert.Throws<RuleViolationException>(() =>
            CpfRules.EnsureFundable(200_000, 20, 20, Policy.At(D("2026-03-02")), []));

        Assert.Equal("CPF_CAP_EXCEEDED", exception.Reason);
    }

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
