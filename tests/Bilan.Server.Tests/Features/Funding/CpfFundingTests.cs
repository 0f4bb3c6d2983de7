using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using static Bilan.Server.Tests.TestSupport.Fundings;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.Features.Funding;

/// <summary>The CPF rules with their dated values: cap, holder's contribution and exemptions, the 5-year rule, accompaniment hours.</summary>
[Collection(ApiTests.Name)]
public sealed class CpfFundingTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private FundingService.FundingServiceClient Client => Server.FundingClient();

    [Fact]
    public async Task CreateFunding_CpfAboveCap_RefusedNamingCapAndItsDate()
    {
        var bilan = await EmployeeBilanAsync();

        var error = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Client.CreateFundingAsync(new CreateFundingRequest
        {
            Parent = bilan.Name,
            Funding = Cpf(Day(2026, 11, 2), amountCents: 170_000),
        }));

        var info = error.ErrorInfo();
        Assert.Equal("CPF_CAP_EXCEEDED", info.Reason);
        Assert.Equal(("160000", "2026-01-01", "2026-11-02"), (info.Metadata["cap_cents"], info.Metadata["effective_date"], info.Metadata["requested_date"]));
        Assert.Contains("1 600,00 €", error.FrenchMessage().Replace('\u202f', ' '), StringComparison.Ordinal);
        Assert.Contains("depuis le 01/01/2026", error.FrenchMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFunding_TwoCpfLinesTogetherAboveCap_SecondRefused()
    {
        var bilan = await EmployeeBilanAsync();
        await Server.AddFundingAsync(bilan.Name, Cpf(Day(2026, 11, 2), amountCents: 100_000));

        var error = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Client.CreateFundingAsync(new CreateFundingRequest
        {
            Parent = bilan.Name,
            Funding = Cpf(Day(2026, 11, 2), amountCents: 70_000),
        }));

        Assert.Equal("170000", error.ErrorInfo().Metadata["amount_cents"]);
    }

    [Fact]
    public async Task CreateFunding_CpfBeforeTheCapExisted_Accepted()
    {
        var bilan = await EmployeeBilanAsync();

        var funding = await Server.AddFundingAsync(bilan.Name, Cpf(Day(2025, 6, 2), amountCents: 210_000));

        Assert.Equal(0, funding.CpfTerms.CapCents);
        Assert.Null(funding.CpfTerms.CapEffectiveDate);
    }

    [Fact]
    public async Task CreateFunding_CpfHoursAbovePlannedAccompaniment_NotFundable()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.Employee());
        var plan = Requests.Bilan(beneficiary.Name);
        plan.PlannedHours = 18;
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = plan });

        var error = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Client.CreateFundingAsync(new CreateFundingRequest
        {
            Parent = bilan.Name,
            Funding = Cpf(Day(2026, 11, 2), hours: 20),
        }));

        Assert.Equal("CPF_HOURS_NOT_FUNDABLE", error.ErrorInfo().Reason);
        Assert.Equal(("20", "18"), (error.ErrorInfo().Metadata["funded_hours"], error.ErrorInfo().Metadata["accompaniment_hours"]));
    }

    [Fact]
    public async Task CreateFunding_CpfAfterAPublicBilanWithinFiveYears_RefusedNamingTheEarlierBilan()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.Employee());
        var earlier = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
        await Server.AddFundingAsync(earlier.Name, new Contracts.V1.Funding { FunderType = FunderType.Opco, AmountCents = 150_000, RequestedDate = Day(2026, 2, 2) });
        var later = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });

        var error = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Client.CreateFundingAsync(new CreateFundingRequest
        {
            Parent = later.Name,
            Funding = Cpf(Day(2026, 11, 2)),
        }));

        var info = error.ErrorInfo();
        Assert.Equal("CPF_RECENT_PUBLIC_BILAN", info.Reason);
        Assert.Equal((earlier.Name, "2026-02-02", "5", "2026-01-01"),
            (info.Metadata["previous_bilan"], info.Metadata["previous_requested_date"], info.Metadata["lookback_years"], info.Metadata["effective_date"]));
        Assert.Contains("dans les 5 années précédentes", error.FrenchMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateFunding_CpfAfterAnEmployerFundedBilan_Accepted()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.Employee());
        var earlier = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
        await Server.AddFundingAsync(earlier.Name, EmployerPlan());
        var later = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });

        var funding = await Server.AddFundingAsync(later.Name, Cpf(Day(2026, 11, 2)));

        Assert.Equal(FundingStatus.Requested, funding.Status);
    }

    // The holder's contribution on the request date, or the exemption.
    [Theory]
    [InlineData("employee", 2026, false, 10_320L, "2026-01-01", ContributionExemption.Unspecified)]
    [InlineData("employee", 2025, false, 10_223L, "2025-01-01", ContributionExemption.Unspecified)]
    [InlineData("employee", 2024, false, 0L, null, ContributionExemption.Unspecified)] // 2 April 2024: before the contribution
    [InlineData("job seeker", 2026, false, 0L, null, ContributionExemption.JobSeeker)]
    [InlineData("employee", 2026, true, 0L, null, ContributionExemption.CoFunded)]
    public async Task CpfTerms_ByPublicDateAndCoFunding_ContributionOrExemption(
        string person, int year, bool coFunded, long cents, string? since, ContributionExemption exemption)
    {
        var bilan = person == "employee" ? await EmployeeBilanAsync() : await Server.NewBilanAsync();
        var cpf = await Server.AddFundingAsync(bilan.Name, Cpf(year == 2024 ? Day(2024, 4, 2) : Day(year, 6, 2)));
        if (coFunded)
        {
            await Server.AddFundingAsync(bilan.Name, EmployerPlan(50_000));
        }

        var terms = (await Client.GetFundingAsync(new GetFundingRequest { Name = cpf.Name })).CpfTerms;

        Assert.Equal((cents, exemption), (terms.HolderContributionCents, terms.ContributionExemption));
        Assert.Equal(since, terms.HolderContributionEffectiveDate is { } d ? $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}" : null);
    }

    [Fact]
    public async Task GetCpfPolicy_Defaults_EveryDatedValueAndThoseInForce()
    {
        var policy = await Client.GetCpfPolicyAsync(new GetCpfPolicyRequest { Date = Day(2025, 7, 1) });

        Assert.Equal([10_000L, 10_223L, 10_320L], policy.HolderContribution.Select(v => v.Value));
        Assert.Equal([Day(2024, 5, 2), Day(2025, 1, 1), Day(2026, 1, 1)], policy.HolderContribution.Select(v => v.EffectiveDate));
        Assert.Equal(160_000, Assert.Single(policy.CapPerBilan).Value);
        Assert.Equal(5, Assert.Single(policy.PublicBilanLookbackYears).Value);
        Assert.Equal((0L, 10_223L, Day(2025, 1, 1)), (policy.InForce.CapCents, policy.InForce.HolderContributionCents, policy.InForce.HolderContributionEffectiveDate));
    }

    [Fact]
    public async Task GetCpfPolicy_ConfiguredContribution_ReplacesTheDefaults()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?>
        {
            ["Bilan:Cpf:HolderContributionCents:0:EffectiveFrom"] = "2024-05-02",
            ["Bilan:Cpf:HolderContributionCents:0:Value"] = "10000",
            ["Bilan:Cpf:HolderContributionCents:1:EffectiveFrom"] = "2027-01-01",
            ["Bilan:Cpf:HolderContributionCents:1:Value"] = "10500",
        });

        var policy = await server.FundingClient().GetCpfPolicyAsync(new GetCpfPolicyRequest { Date = Day(2027, 3, 1) });

        Assert.Equal([10_000L, 10_500L], policy.HolderContribution.Select(v => v.Value));
        Assert.Equal((10_500L, Day(2027, 1, 1)), (policy.InForce.HolderContributionCents, policy.InForce.HolderContributionEffectiveDate));
        Assert.Equal(160_000, policy.InForce.CapCents);
    }

    private async Task<BilanResource> EmployeeBilanAsync()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.Employee());
        return await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
    }
}
