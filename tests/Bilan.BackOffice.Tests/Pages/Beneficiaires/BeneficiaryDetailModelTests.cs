using System.Text;
using Bilan.BackOffice.Pages.Beneficiaires;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Beneficiaires;

/// <summary>A beneficiary's page (with their bilans and the GDPR export) and the erasure page.</summary>
public sealed class BeneficiaryDetailModelTests
{
    private const string Id = "0193a3c4-0000-7000-8000-000000000007";

    private readonly BeneficiaryService.BeneficiaryServiceClient _beneficiaries = Substitute.For<BeneficiaryService.BeneficiaryServiceClient>();

    private readonly BilanService.BilanServiceClient _bilans = Substitute.For<BilanService.BilanServiceClient>();

    public BeneficiaryDetailModelTests()
    {
        _beneficiaries.GetBeneficiaryAsync(Arg.Any<GetBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Beneficiary { Name = $"beneficiaries/{Id}", GivenName = "Camille", FamilyName = "Martin" }));
        var bilans = new ListBilansResponse();
        bilans.Bilans.Add(new Contracts.V1.Bilan { Name = "bilans/0193a3c4-0000-7000-8000-0000000000b1", State = State.Conclusion });
        _bilans.ListBilansAsync(Arg.Any<ListBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(bilans));
    }

    [Fact]
    public async Task OnGetAsync_ListsTheirBilansByFilterOnTheBeneficiary()
    {
        var page = Detail(SessionClaims.ConsultantRole);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Camille Martin", page.FullName);
        var bilan = Assert.Single(page.Bilans);
        Assert.Equal("0193a3c4-0000-7000-8000-0000000000b1", bilan.Id);
        Assert.Equal("phase de conclusion", bilan.State);
        _ = _bilans.Received(1).ListBilansAsync(
            Arg.Is<ListBilansRequest>(request => request.Filter == $"beneficiary = \"beneficiaries/{Id}\""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostExporterAsync_Admin_DownloadsJsonNeverCached()
    {
        _beneficiaries.ExportBeneficiaryDataAsync(Arg.Any<ExportBeneficiaryDataRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new BeneficiaryDataExport { Beneficiary = new Beneficiary { Name = $"beneficiaries/{Id}", GivenName = "Camille" } }));
        var page = Detail(SessionClaims.AdminRole);

        var result = await page.OnPostExporterAsync(CancellationToken.None);

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal("application/json", file.ContentType);
        Assert.Equal($"beneficiaire-{Id}-donnees-personnelles.json", file.FileDownloadName);
        Assert.Contains("\"givenName\": \"Camille\"", Encoding.UTF8.GetString(file.FileContents), StringComparison.Ordinal);
        Assert.Equal("no-store", page.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task OnPostExporterAsync_Consultant_IsForbiddenWithoutCallingApi()
    {
        var page = Detail(SessionClaims.ConsultantRole);

        var result = await page.OnPostExporterAsync(CancellationToken.None);

        Assert.IsType<ForbidResult>(result);
        _ = _beneficiaries.DidNotReceiveWithAnyArgs().ExportBeneficiaryDataAsync(default!, default(Metadata), default, default);
    }

    [Fact]
    public async Task Effacement_WithoutConfirmation_AsksToTickTheBoxAndErasesNothing()
    {
        var page = Effacement();

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["Cochez la case pour confirmer l’effacement."], SignedInPages.ErrorsOf(page.ModelState, nameof(EffacementModel.Confirmation)));
        _ = _beneficiaries.DidNotReceiveWithAnyArgs().EraseBeneficiaryAsync(default!, default(Metadata), default, default);
    }

    [Fact]
    public async Task Effacement_RetentionRunning_ShowsApiFrenchMessage()
    {
        const string Refusal = "Effacement impossible : des documents sont conservés jusqu'au 12/03/2029 (Code du travail, R6313-7).";
        _beneficiaries.EraseBeneficiaryAsync(Arg.Any<EraseBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Beneficiary>(ApiCalls.Error(StatusCode.FailedPrecondition, Refusal, "RETENTION_RUNNING")));
        var page = Effacement();
        page.Confirmation = true;

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal([Refusal], SignedInPages.ErrorsOf(page.ModelState, string.Empty));
        Assert.False(page.Confirmation);
        Assert.Equal("Camille Martin", page.FullName);
    }

    [Fact]
    public async Task Effacement_Confirmed_ErasesWithRequestIdThenShowsNotice()
    {
        _beneficiaries.EraseBeneficiaryAsync(Arg.Any<EraseBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Beneficiary { Name = $"beneficiaries/{Id}" }));
        var page = Effacement();
        page.Confirmation = true;

        var result = await page.OnPostAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("efface", redirect.RouteValues!["statut"]);
        _ = _beneficiaries.Received(1).EraseBeneficiaryAsync(
            Arg.Is<EraseBeneficiaryRequest>(request => request.Name == $"beneficiaries/{Id}" && request.RequestId == "3d6a4adc-0000-4000-8000-000000000001"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    private DetailModel Detail(string role) =>
        new(_beneficiaries, _bilans, NullLogger<DetailModel>.Instance) { PageContext = SignedInPages.As(role), Id = Id };

    private EffacementModel Effacement() =>
        new(_beneficiaries, NullLogger<EffacementModel>.Instance)
        {
            PageContext = SignedInPages.As(SessionClaims.AdminRole),
            Id = Id,
            RequestId = "3d6a4adc-0000-4000-8000-000000000001",
        };
}
