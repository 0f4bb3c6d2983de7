using Bilan.BackOffice.Pages.Bilans;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class NouveauModelTests
{
    private const string BeneficiaryName = "beneficiaries/0193a3c4-0000-7000-8000-000000000007";

    [Fact]
    public async Task OnGetAsync_OffersBeneficiariesByNameAndARequestId()
    {
        var page = Create(Substitute.For<BilanService.BilanServiceClient>());

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Camille Martin", Assert.Single(page.Beneficiaries).DisplayName);
        Assert.True(Guid.TryParse(page.DemandeId, out _));
    }

    [Fact]
    public async Task OnPostAsync_Valid_CreatesWithTheTypedPlanAndGoesToTheBilan()
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.CreateBilanAsync(Arg.Any<CreateBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Contracts.V1.Bilan { Name = "bilans/0193a3c4-0000-7000-8000-0000000000b1" }));
        var page = Filled(Create(client));

        var result = await page.OnPostAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("/Bilans/Detail", redirect.PageName);
        Assert.Equal("0193a3c4-0000-7000-8000-0000000000b1", redirect.RouteValues?["id"]);
        _ = client.Received(1).CreateBilanAsync(
            Arg.Is<CreateBilanRequest>(r => r.Bilan.Beneficiary == BeneficiaryName
                && r.Bilan.FundingSource == FundingSource.Cpf
                && r.Bilan.WorkingTime == WorkingTime.Outside
                && r.Bilan.PlannedHours == 20
                && r.Bilan.PlannedStartDate.Year == 2027 && r.Bilan.PlannedStartDate.Month == 1 && r.Bilan.PlannedStartDate.Day == 11
                && r.RequestId == page.DemandeId),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostAsync_ApiRefusesAField_FrenchMessageBesideItAndTypedValuesKept()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
        {
            Field = "bilan.working_time",
            Reason = "NEEDS_EMPLOYMENT",
            LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "Un demandeur d'emploi ne peut pas suivre un bilan sur le temps de travail." },
        });
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.CreateBilanAsync(Arg.Any<CreateBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Contracts.V1.Bilan>(ApiCalls.Error(StatusCode.InvalidArgument, "Certaines informations sont invalides.", "INVALID_FIELDS", badRequest)));
        var page = Filled(Create(client));

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal("Un demandeur d'emploi ne peut pas suivre un bilan sur le temps de travail.",
            Assert.Single(page.ModelState[nameof(NouveauModel.TempsDeTravail)]!.Errors).ErrorMessage);
        Assert.Equal("Certaines informations sont invalides.", Assert.Single(page.ModelState[string.Empty]!.Errors).ErrorMessage);
        Assert.Equal((BeneficiaryName, 1, 3, 20), (page.Beneficiaire, page.Financement, page.TempsDeTravail, page.HeuresPrevues));
        Assert.Single(page.Beneficiaries);
    }

    [Fact]
    public async Task OnPostAsync_FieldsMissing_NoCallAndTheFormAgain()
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        var page = Create(client);
        page.ModelState.AddModelError(nameof(NouveauModel.Financement), "Choisissez le financement.");

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        _ = client.DidNotReceive().CreateBilanAsync(Arg.Any<CreateBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    private static NouveauModel Filled(NouveauModel page)
    {
        page.Beneficiaire = BeneficiaryName;
        page.Financement = (int)FundingSource.Cpf;
        page.TempsDeTravail = (int)WorkingTime.Outside;
        page.HeuresPrevues = 20;
        page.DebutPrevu = new DateOnly(2027, 1, 11);
        page.DemandeId = "6f1c2a9e-5d4b-4c1e-9a7f-0b8e2d3c4a5f";
        return page;
    }

    private static NouveauModel Create(BilanService.BilanServiceClient client) =>
        new NouveauModel(client, ApiCalls.Beneficiaries(new Beneficiary { Name = BeneficiaryName, GivenName = "Camille", FamilyName = "Martin" }),
            NullLogger<NouveauModel>.Instance).WithUser(StaffRole.Admin);
}
