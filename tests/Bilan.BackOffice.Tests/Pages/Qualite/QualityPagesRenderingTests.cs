using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages.Qualite;

/// <summary>The quality pages rendered by the real back-office for a signed-in administrator, the API substituted.</summary>
public sealed class QualityPagesRenderingTests
{
    private const string ComplaintId = "0193a3c4-0000-7000-8000-0000000000c1";

    [Theory]
    [InlineData("/Qualite/Reclamations", "<h1>Réclamations</h1>", "Entretien reporté")]
    [InlineData("/Qualite/Reclamations/Nouvelle", "<h1>Enregistrer une réclamation</h1>", "<label for=\"Saisie_Canal\">Canal de réception</label>")]
    [InlineData("/Qualite/Reclamations/" + ComplaintId, "Accuser réception", "à envoyer au plus tard le 09/11/2026")]
    [InlineData("/Bilans/0193a3c4-0000-7000-8000-0000000000b1/Satisfaction", "<h1>Questionnaire de satisfaction</h1>", "<label for=\"Saisie_NoteAccueil\">Accueil et organisation (facultatif)</label>")]
    [InlineData("/Rapports/Qualite?debut=2027-01-01&fin=2027-12-31", "<h1>Indicateurs qualité</h1>", "Taux d&#x27;abandon")]
    public async Task Get_Admin_PageRendersInFrenchWithTheQualityNavEntry(string path, string expected, string alsoExpected)
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(HealthCheckResponse.Types.ServingStatus.Serving))
        {
            Auth = ApiCalls.AuthAccepting(StaffRole.Admin),
            Beneficiaries = BilanHeadings.Beneficiaries(),
        };
        BilanHeadings.AnswerBilan(factory.Bilans, "0193a3c4-0000-7000-8000-0000000000b1", Contracts.V1.Bilan.Types.State.Completed);
        using var client = await factory.With(Quality()).CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {html[..Math.Min(html.Length, 3000)]}");
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains(alsoExpected, html, StringComparison.Ordinal);
        Assert.Contains(">Qualité</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCsv_Admin_FrenchCsvFile()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(HealthCheckResponse.Types.ServingStatus.Serving)) { Auth = ApiCalls.AuthAccepting(StaffRole.Admin) };
        using var client = await factory.With(Quality()).CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/Rapports/Qualite?handler=Csv&debut=2027-01-01&fin=2027-12-31", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("indicateurs-qualite-2027-01-01-au-2027-12-31.csv", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }

    private static QualityService.QualityServiceClient Quality()
    {
        var quality = Substitute.For<QualityService.QualityServiceClient>();
        quality.ListComplaintsAsync(Arg.Any<ListComplaintsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListComplaintsResponse { Complaints = { QualityCalls.Complaint() } }));
        quality.GetComplaintAsync(Arg.Any<GetComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(QualityCalls.Complaint()));
        quality.GetSatisfactionSurveyAsync(Arg.Any<GetSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new SatisfactionSurvey { OverallScore = 4, AnswerDate = QualityCalls.Date(2026, 11, 20), Etag = "1" }));
        quality.GetQualityIndicatorsAsync(Arg.Any<GetQualityIndicatorsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new QualityIndicators
            {
                StartDate = QualityCalls.Date(2027, 1, 1), EndDate = QualityCalls.Date(2027, 12, 31), BilansCompleted = 5, BilansAbandoned = 2, BilansEnded = 7,
                CompletionRate = 5.0 / 7, AbandonmentRate = 2.0 / 7,
            }));
        return quality;
    }
}
