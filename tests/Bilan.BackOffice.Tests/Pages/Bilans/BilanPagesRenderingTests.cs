using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using NSubstitute;
using static Grpc.Health.V1.HealthCheckResponse.Types;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

/// <summary>The bilan pages rendered by the real back-office (substituted API): ids, labels, forms and links browsers rely on.</summary>
public sealed class BilanPagesRenderingTests
{
    private const string Id = "0193a3c4-0000-7000-8000-0000000000b1";

    [Fact]
    public async Task Dashboard_ShowsCountsLinkingToTheFilteredListAndTheAlertsAcrossTheWidth()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        var summary = new SummarizeBilansResponse();
        summary.StateCounts.Add(new BilanStateCount { State = State.Conclusion, BilanCount = 4 });
        factory.Bilans.SummarizeBilansAsync(Arg.Any<SummarizeBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(summary));
        using var client = await factory.CreateSignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("href=\"/Bilans?etat=STATE_CONCLUSION\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"counts__number\">4</span>", html, StringComparison.Ordinal);
        Assert.Contains("<section class=\"panel panel--full\" id=\"alertes\"", html, StringComparison.Ordinal);
        Assert.Contains("Mes prochains entretiens", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_AlertsInTheirSectionLinkingToTheBilanAndAFailureKeepsTheCounts()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        factory.Alerts = ApiCalls.Alerts(new Alert
        {
            Kind = AlertKind.FollowUpToSchedule, Severity = AlertSeverity.Upcoming, Subject = $"bilans/{Id}/followUp", DisplayName = "Inès Lefèvre",
            FrenchMessage = "Entretien de suivi proposé pour le 27/05/2027 (article R6313-4 3° du Code du travail) et pas encore planifié.",
        });
        using var client = await factory.CreateSignedInClientAsync();
        await using var failing = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving))
        {
            Alerts = ApiCalls.AlertsFail(new RpcException(new Status(StatusCode.Unavailable, "down"))),
        };
        var summary = new SummarizeBilansResponse();
        summary.StateCounts.Add(new BilanStateCount { State = State.Conclusion, BilanCount = 4 });
        failing.Bilans.SummarizeBilansAsync(Arg.Any<SummarizeBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(summary));
        using var failingClient = await failing.CreateSignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var failed = await failingClient.GetStringAsync(new Uri("/", UriKind.Relative));

        var section = html[html.IndexOf("id=\"alertes\"", StringComparison.Ordinal)..];
        Assert.Contains($"<a href=\"/Bilans/{Id}\">Inès Lefèvre</a>", System.Net.WebUtility.HtmlDecode(section), StringComparison.Ordinal);
        Assert.Contains("Entretien de suivi à planifier", System.Net.WebUtility.HtmlDecode(section), StringComparison.Ordinal);
        Assert.Contains("Le service Bilan est momentanément injoignable : réessayez dans un instant.", System.Net.WebUtility.HtmlDecode(failed), StringComparison.Ordinal);
        Assert.Contains("<span class=\"counts__number\">4</span>", failed, StringComparison.Ordinal);
        Assert.Contains("Le service est disponible.", failed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_ShowsStateActionsGaugeDossierLinksAndPostsTheActionWithAntiforgery()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        var bilan = new Contracts.V1.Bilan
        {
            Name = $"bilans/{Id}", Beneficiary = "beneficiaries/0193a3c4-0000-7000-8000-000000000007", State = State.Preliminary,
            Etag = "W/\"3\"", PlannedHours = 20, FundingSource = FundingSource.Cpf, WorkingTime = WorkingTime.Outside,
        };
        factory.Bilans.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(bilan));
        factory.Bilans.ListBilanEventsAsync(Arg.Any<ListBilanEventsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListBilanEventsResponse()));
        factory.Bilans.CheckEligibilityAsync(Arg.Any<CheckEligibilityRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new CheckEligibilityResponse { Eligible = true }));
        factory.Bilans.StartInvestigationAsync(Arg.Any<StartInvestigationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(bilan));
        using var client = await factory.CreateSignedInClientAsync();

        var html = await client.GetStringAsync(new Uri($"/Bilans/{Id}", UriKind.Relative));

        Assert.Contains("<dd id=\"etat-bilan\">phase préliminaire</dd>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"action-investigation\">Passer en phase d&#x27;investigation</button>", html.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("id=\"form-planifier\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"jauge-realisees\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Bilans/{Id}/Consentement\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Bilans/{Id}/Satisfaction\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Bilans/{Id}/Autorisation\" id=\"lien-autorisation\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Bilans/{Id}/Suivi\" id=\"lien-suivi\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("action-demarrer", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);

        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, $"/Bilans/{Id}");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Etag"] = "W/\"3\"",
            ["Action"] = "StartInvestigation",
            ["__RequestVerificationToken"] = token,
        });
        using var posted = await client.PostAsync(new Uri($"/Bilans/{Id}?handler=Transition", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/Bilans/{Id}", posted.Headers.Location?.OriginalString);
        _ = factory.Bilans.Received(1).StartInvestigationAsync(Arg.Any<StartInvestigationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Detail_PostWithoutAntiforgery_Refused()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        using var client = await factory.CreateSignedInClientAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "Start" });

        using var posted = await client.PostAsync(new Uri($"/Bilans/{Id}?handler=Transition", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        _ = factory.Bilans.DidNotReceive().StartBilanAsync(Arg.Any<StartBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Nouveau_AdminSeesTheLabelledForm_ConsultantIsRefused()
    {
        await using var admin = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving)) { Auth = ApiCalls.AuthAccepting(StaffRole.Admin) };
        using var adminClient = await admin.CreateSignedInClientAsync();
        await using var consultant = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        using var consultantClient = await consultant.CreateSignedInClientAsync();

        var html = await adminClient.GetStringAsync(new Uri("/Bilans/Nouveau", UriKind.Relative));
        using var refused = await consultantClient.GetAsync(new Uri("/Bilans/Nouveau", UriKind.Relative));

        Assert.Contains("<label for=\"Beneficiaire\">Bénéficiaire</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Financement\">Financement</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"TempsDeTravail\">Temps de travail</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"DebutPrevu\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"creer-bilan\"", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}
