using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

/// <summary>The funding and BPF pages rendered by the real back-office (views, routes, roles), the API substituted.</summary>
public sealed class FundingPagesRenderingTests
{
    [Fact]
    public async Task Financement_Consultant_RendersLinesDeadlinesAndForms()
    {
        var fundings = Substitute.For<FundingService.FundingServiceClient>();
        var response = new ListFundingsResponse();
        var dossier = new EdofDossier { DossierNumber = "EDOF-123", State = EdofState.NotProcessed };
        dossier.Deadlines.Add(new EdofDeadline { Kind = EdofDeadlineKind.Answer, DueDate = new Google.Type.Date { Year = 2026, Month = 11, Day = 4 }, Status = DeadlineStatus.Overdue });
        response.Fundings.Add(new Contracts.V1.Funding
        {
            Name = "bilans/0193a3c4-0000-7000-8000-0000000000b1/fundings/0193a3c4-0000-7000-8000-0000000000f1",
            FunderType = FunderType.Cpf, FunderName = "Mon Compte Formation", AmountCents = 150_000, Status = FundingStatus.Requested, Etag = "1",
            EdofDossier = dossier,
        });
        fundings.ListFundingsAsync(Arg.Any<ListFundingsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(response));
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(HealthCheckResponse.Types.ServingStatus.Serving))
        {
            Bilans = BilanHeadings.Bilan("0193a3c4-0000-7000-8000-0000000000b1"),
            Beneficiaries = BilanHeadings.Beneficiaries(),
        };
        using var client = await factory.With(fundings).CreateSignedInClientAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Bilans/0193a3c4-0000-7000-8000-0000000000b1/Financement", UriKind.Relative)));

        Assert.Contains("Dossier EDOF EDOF-123 : Non traité", html, StringComparison.Ordinal);
        Assert.Contains("<strong>dépassée</strong>", html, StringComparison.Ordinal);
        Assert.Contains("Enregistrer l'accord", html, StringComparison.Ordinal);
        Assert.Contains("Ajouter la prise en charge", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"panel\" aria-labelledby=\"ajouter-titre\" id=\"ajouter\">", html, StringComparison.Ordinal);
        Assert.Contains(">Sophie Lefèvre</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("retour à la liste des bilans", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bpf_Consultant_Refused()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(HealthCheckResponse.Types.ServingStatus.Serving));
        var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/Rapports/Bpf", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bpf_Admin_RendersTableAndCsvLink()
    {
        var reports = Substitute.For<ReportService.ReportServiceClient>();
        var report = new BpfReport { StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 }, EndDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 31 } };
        report.TraineeLines.Add(new BpfTraineeLine { TraineeType = BpfTraineeType.JobSeekers, Beneficiaries = 1, HeldMinutes = 90 });
        report.IncomeLines.Add(new BpfIncomeLine { FunderType = FunderType.Opco, AmountCents = 180_000, FundingCount = 1 });
        reports.GetBpfReportAsync(Arg.Any<GetBpfReportRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(report));
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(HealthCheckResponse.Types.ServingStatus.Serving))
        {
            Auth = ApiCalls.AuthAccepting(StaffRole.Admin),
        };
        using var client = await factory.With(reports).CreateSignedInClientAsync();

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Rapports/Bpf?annee=2026", UriKind.Relative)));
        using var csv = await client.GetAsync(new Uri("/Rapports/Bpf?handler=Csv&annee=2026", UriKind.Relative));

        Assert.Contains("Personnes en recherche d'emploi", html, StringComparison.Ordinal);
        Assert.Contains("1,50", html, StringComparison.Ordinal);
        Assert.Contains("handler=Csv", html, StringComparison.Ordinal);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Personnes en recherche d'emploi;1;1,50", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
