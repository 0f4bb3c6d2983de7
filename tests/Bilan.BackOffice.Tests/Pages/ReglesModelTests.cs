using Bilan.BackOffice.Pages;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using ProtoDate = Google.Type.Date;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class ReglesModelTests
{
    [Fact]
    public async Task OnGetAsync_ConfiguredPolicy_FrenchValuesWithTheirSource()
    {
        var policy = ApiCalls.DefaultPolicy();
        policy.MinimumEffectiveHours = 14;
        var page = Create(ApiCalls.Policies(policy), Cpf(Answer(CpfPolicy())));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.RulesError);
        var minimum = Assert.Single(page.Rules, r => r.Label.StartsWith("Minimum d'heures", StringComparison.Ordinal));
        Assert.Equal("14 h", minimum.Value);
        var maximum = Assert.Single(page.Rules, r => r.Label.StartsWith("Maximum d'heures", StringComparison.Ordinal));
        Assert.Equal(("24 h", true), (maximum.Value, maximum.Source.Contains("L6313-4", StringComparison.Ordinal)));
        Assert.Contains(page.Rules, r => r.Value == "3 ans" && r.Source.Contains("R6313-7", StringComparison.Ordinal));
        Assert.Contains(page.Rules, r => r.Value == "30 jours" && r.Source.Contains("Qualiopi indicateur 31", StringComparison.Ordinal));
        Assert.Contains(page.Rules, r => r.Value == "de 15 à 480 minutes");
        Assert.All(page.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
    }

    [Fact]
    public async Task OnGetAsync_CpfPolicy_EveryDatedValueAndThoseInForceMarked()
    {
        var page = Create(ApiCalls.Policies(), Cpf(Answer(CpfPolicy())));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.CpfError);
        Assert.Equal(
            [
                ("Plafond de prise en charge CPF par bilan", "01/01/2020", "1 500,00 €", false),
                ("Plafond de prise en charge CPF par bilan", "01/01/2026", "1 600,00 €", true),
                ("Participation forfaitaire du titulaire", "02/05/2024", "100,00 €", true),
                ("Délai après un bilan financé sur fonds publics", "01/01/2026", "5 ans", true),
            ],
            page.Cpf.Select(r => (r.Label, r.From, r.Value.Replace('\u202f', ' ').Replace('\u00a0', ' '), r.InForce)));
    }

    [Fact]
    public async Task OnGetAsync_PolicyRefused_FrenchErrorAndTheCpfStillShown()
    {
        var page = Create(
            ApiCalls.PoliciesFail(ApiCalls.Error(StatusCode.Unavailable, "Le service est momentanément indisponible.")),
            Cpf(Answer(CpfPolicy())));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service est momentanément indisponible.", page.RulesError);
        Assert.Empty(page.Rules);
        Assert.Equal(4, page.Cpf.Count);
    }

    [Fact]
    public async Task OnGetAsync_CpfRefused_FrenchErrorAndThePolicyStillShown()
    {
        var page = Create(
            ApiCalls.Policies(),
            Cpf(ApiCalls.Fail<CpfPolicy>(ApiCalls.Error(StatusCode.PermissionDenied, "Vous n'avez pas accès à cette information."))));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Vous n'avez pas accès à cette information.", page.CpfError);
        Assert.Empty(page.Cpf);
        Assert.Null(page.RulesError);
        Assert.Equal(11, page.Rules.Count);
    }

    private static AsyncUnaryCall<CpfPolicy> Answer(CpfPolicy policy) => ApiCalls.Answer(policy);

    private static FundingService.FundingServiceClient Cpf(AsyncUnaryCall<CpfPolicy> call)
    {
        var client = Substitute.For<FundingService.FundingServiceClient>();
        client.GetCpfPolicyAsync(Arg.Any<GetCpfPolicyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => call);
        return client;
    }

    private static CpfPolicy CpfPolicy()
    {
        var policy = new CpfPolicy
        {
            Date = Day(2026, 11, 27),
            InForce = new CpfTerms
            {
                CapCents = 160_000,
                CapEffectiveDate = Day(2026, 1, 1),
                HolderContributionCents = 10_000,
                HolderContributionEffectiveDate = Day(2024, 5, 2),
                PublicBilanLookbackYears = 5,
                PublicBilanLookbackEffectiveDate = Day(2026, 1, 1),
            },
        };
        policy.CapPerBilan.Add(new DatedAmount { EffectiveDate = Day(2020, 1, 1), Value = 150_000 });
        policy.CapPerBilan.Add(new DatedAmount { EffectiveDate = Day(2026, 1, 1), Value = 160_000 });
        policy.HolderContribution.Add(new DatedAmount { EffectiveDate = Day(2024, 5, 2), Value = 10_000 });
        policy.PublicBilanLookbackYears.Add(new DatedAmount { EffectiveDate = Day(2026, 1, 1), Value = 5 });
        return policy;
    }

    private static ProtoDate Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static ReglesModel Create(PolicyService.PolicyServiceClient policies, FundingService.FundingServiceClient fundings) =>
        new ReglesModel(policies, fundings, NullLogger<ReglesModel>.Instance).WithUser(StaffRole.Support);
}
