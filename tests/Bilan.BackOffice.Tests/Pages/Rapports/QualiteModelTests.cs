using System.Text;
using Bilan.BackOffice.Pages.Rapports;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages.Rapports;

public sealed class QualiteModelTests
{
    private readonly QualityService.QualityServiceClient _quality = Substitute.For<QualityService.QualityServiceClient>();

    private static QualityIndicators Indicators() => new()
    {
        StartDate = QualityCalls.Date(2027, 1, 1),
        EndDate = QualityCalls.Date(2027, 12, 31),
        BilansStarted = 9,
        BilansCompleted = 5,
        BilansAbandoned = 2,
        BilansEnded = 7,
        CompletionRate = 5.0 / 7,
        AbandonmentRate = 2.0 / 7,
        SurveyCount = 4,
        ResponseRate = 0.8,
        AverageScore = 4.0,
        SatisfiedRate = 0.75,
        ComplaintsReceived = 1234,
        ComplaintsResolved = 2,
        ComplaintsRejected = 1,
    };

    [Fact]
    public async Task OnGet_NoDates_FromFirstJanuaryToToday()
    {
        Answer(Indicators());
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 27)), (page.Debut, page.Fin));
        _ = _quality.Received(1).GetQualityIndicatorsAsync(
            Arg.Is<GetQualityIndicatorsRequest>(r => r.StartDate.Equals(QualityCalls.Date(2026, 1, 1)) && r.EndDate.Equals(QualityCalls.Date(2026, 11, 27))),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
        Assert.Contains(page.Rows, row => row[0] == "Taux d'abandon" && row[1] == "28,6");
    }

    [Fact]
    public async Task OnGetCsv_FrenchCsvWithBomSemicolonsAndDecimalComma()
    {
        Answer(Indicators());
        var page = Create();
        page.Debut = new DateOnly(2027, 1, 1);
        page.Fin = new DateOnly(2027, 12, 31);

        var file = Assert.IsType<FileContentResult>(await page.OnGetCsvAsync(CancellationToken.None));

        Assert.Equal("text/csv; charset=utf-8", file.ContentType);
        Assert.Equal("indicateurs-qualite-2027-01-01-au-2027-12-31.csv", file.FileDownloadName);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.FileContents[..3]);
        var lines = Encoding.UTF8.GetString(file.FileContents[3..]).Split("\r\n");
        Assert.Equal("Indicateur;Valeur;Unité", lines[0]);
        Assert.Contains("Début de la période;01/01/2027;date", lines);
        Assert.Contains("Taux de réalisation;71,4;%", lines);
        Assert.Contains("Taux de réponse;80,0;%", lines);
        Assert.Contains("Note moyenne de satisfaction;4,00;sur 5", lines);
        // fr-FR groups thousands with a narrow no-break space, never a separator.
        Assert.Contains(lines, line => line.StartsWith("Réclamations reçues;1", StringComparison.Ordinal) && line.EndsWith("234;réclamations", StringComparison.Ordinal));
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void Csv_NoRate_EmptyValueNotZero()
    {
        var lines = Encoding.UTF8.GetString(QualityIndicatorsCsv.Build(new QualityIndicators
        {
            StartDate = QualityCalls.Date(2025, 1, 1),
            EndDate = QualityCalls.Date(2025, 12, 31),
        })[3..]).Split("\r\n");

        Assert.Contains("Taux d'abandon;;%", lines);
        Assert.Contains("Note moyenne de satisfaction;;sur 5", lines);
    }

    [Fact]
    public async Task OnGet_PeriodRefused_FrenchMessages()
    {
        _quality.GetQualityIndicatorsAsync(Arg.Any<GetQualityIndicatorsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<QualityIndicators>(QualityCalls.Invalid(("end_date", "La fin de la période ne peut pas précéder son début."))));
        var page = Create();
        page.Debut = new DateOnly(2027, 12, 31);
        page.Fin = new DateOnly(2027, 1, 1);

        var result = await page.OnGetCsvAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Null(page.Indicators);
        Assert.Equal("Certaines informations sont invalides.", page.ErrorMessage);
        Assert.Equal("La fin de la période ne peut pas précéder son début.", page.ModelState["Fin"]!.Errors.Single().ErrorMessage);
    }

    private void Answer(QualityIndicators indicators) =>
        _quality.GetQualityIndicatorsAsync(Arg.Any<GetQualityIndicatorsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(indicators));

    private QualiteModel Create() =>
        new(_quality, new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)), NullLogger<QualiteModel>.Instance)
        {
            PageContext = new PageContext(),
        };
}
