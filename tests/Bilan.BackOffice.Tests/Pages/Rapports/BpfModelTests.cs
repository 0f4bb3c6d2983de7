using System.Text;
using Bilan.BackOffice.Pages.Rapports;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages.Rapports;

public sealed class BpfModelTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2027, 3, 15, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OnGetAsync_NoYear_AsksLastYearAndShowsFrenchFigures()
    {
        var client = Answering(Report());
        var page = Create(client);

        await page.OnGetAsync(CancellationToken.None);

        _ = client.Received(1).GetBpfReportAsync(Arg.Is<GetBpfReportRequest>(r => r.Year == 2026), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
        var table = Assert.IsType<BpfTable>(page.Table);
        Assert.Null(page.ErrorMessage);
        Assert.Equal(("01/01/2026", "31/12/2026"), (table.Start, table.End));
        Assert.Equal(new BpfTraineeRow("Salariés d'employeurs privés", "2", "9,50", "9,50"), table.Trainees[0]);
        Assert.Equal("Autres stagiaires (agents publics, non-salariés)", table.Trainees[3].Label);
        Assert.Equal(("5", "18,50"), (table.TotalBeneficiaries, table.TotalHours));
        Assert.Equal("Opérateurs de compétences (OPCO)", table.Income[2].Label);
        Assert.Equal("2\u202f300,00 €", table.Income[2].Amount);
        Assert.Equal(("5\u202f200,00 €", "4"), (table.TotalIncome, table.TotalIncomeCount));
    }

    [Fact]
    public async Task OnGetCsvAsync_Year_ExcelReadableFrenchCsv()
    {
        var page = Create(Answering(Report()));
        page.Annee = 2026;

        var result = await page.OnGetCsvAsync(CancellationToken.None);

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal("bpf-bilans-2026.csv", file.FileDownloadName);
        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), file.FileContents[..3]);
        var lines = Encoding.UTF8.GetString(file.FileContents[3..]).Split("\r\n");
        Assert.Equal("Type de stagiaires;Nombre de bénéficiaires;Heures réalisées", lines[2]);
        Assert.Equal("Salariés d'employeurs privés;2;9,50", lines[3]);
        Assert.Equal("Total;5;18,50", lines[7]);
        Assert.Equal("Opérateurs de compétences (OPCO);2300,00;2", lines[12]);
        Assert.Equal("Total;5200,00;4", lines[16]);
    }

    [Fact]
    public async Task OnGetAsync_ApiRefuses_ShowsItsFrenchMessage()
    {
        var client = Substitute.For<ReportService.ReportServiceClient>();
        client.GetBpfReportAsync(Arg.Any<GetBpfReportRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<BpfReport>(ApiCalls.Error(StatusCode.InvalidArgument, "L'année doit être comprise entre 2000 et 2100.", "INVALID_FIELDS")));
        var page = Create(client);
        page.Annee = 1800;

        var result = await page.OnGetCsvAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Null(page.Table);
        Assert.Equal("L'année doit être comprise entre 2000 et 2100.", page.ErrorMessage);
    }

    [Fact]
    public async Task OnGetAsync_ApiUnreachable_FrenchFallback()
    {
        var client = Substitute.For<ReportService.ReportServiceClient>();
        client.GetBpfReportAsync(Arg.Any<GetBpfReportRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<BpfReport>(new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "down"))));
        var page = Create(client);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service Bilan est momentanément injoignable : réessayez dans un instant.", page.ErrorMessage);
    }

    [Fact]
    public void Csv_LabelWithSemicolon_Quoted()
    {
        var table = new BpfTable("01/01/2026", "31/12/2026", [new BpfTraineeRow("a;b \"c\"", "1", "1,00", "1,00")], "1", "1,00", "1,00", [], "0,00 €", "0,00", "0");

        var text = Encoding.UTF8.GetString(BpfModel.Csv(table)[3..]);

        Assert.Contains("\"a;b \"\"c\"\"\";1;1,00\r\n", text, StringComparison.Ordinal);
    }

    // 2 employees 570 min (9.50 h), 1 job seeker 120 min, others 2 with 420 min: 5 and 1,110 min (18.50 h);
    // income 2,000 EUR employer plan, 2,300 EUR OPCO (2 lines), 900 EUR personal: 5,200 EUR (4 lines).
    private static BpfReport Report()
    {
        var report = new BpfReport
        {
            StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 },
            EndDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 31 },
            TotalBeneficiaries = 5,
            TotalHeldMinutes = 1110,
            TotalIncomeCents = 520_000,
        };
        report.TraineeLines.Add(new BpfTraineeLine { TraineeType = BpfTraineeType.PrivateEmployees, Beneficiaries = 2, HeldMinutes = 570 });
        report.TraineeLines.Add(new BpfTraineeLine { TraineeType = BpfTraineeType.JobSeekers, Beneficiaries = 1, HeldMinutes = 120 });
        report.TraineeLines.Add(new BpfTraineeLine { TraineeType = BpfTraineeType.PrivateIndividuals });
        report.TraineeLines.Add(new BpfTraineeLine { TraineeType = BpfTraineeType.Others, Beneficiaries = 2, HeldMinutes = 420 });
        report.IncomeLines.Add(new BpfIncomeLine { FunderType = FunderType.Cpf });
        report.IncomeLines.Add(new BpfIncomeLine { FunderType = FunderType.EmployerPlan, AmountCents = 200_000, FundingCount = 1 });
        report.IncomeLines.Add(new BpfIncomeLine { FunderType = FunderType.Opco, AmountCents = 230_000, FundingCount = 2 });
        report.IncomeLines.Add(new BpfIncomeLine { FunderType = FunderType.FranceTravail });
        report.IncomeLines.Add(new BpfIncomeLine { FunderType = FunderType.Personal, AmountCents = 90_000, FundingCount = 1 });
        report.IncomeLines.Add(new BpfIncomeLine { FunderType = FunderType.Other });
        return report;
    }

    private static ReportService.ReportServiceClient Answering(BpfReport report)
    {
        var client = Substitute.For<ReportService.ReportServiceClient>();
        client.GetBpfReportAsync(Arg.Any<GetBpfReportRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(report));
        return client;
    }

    private static BpfModel Create(ReportService.ReportServiceClient client) =>
        new(client, Clock, NullLogger<BpfModel>.Instance) { PageContext = new PageContext { HttpContext = new DefaultHttpContext() } };
}
