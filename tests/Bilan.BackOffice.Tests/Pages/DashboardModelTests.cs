using Bilan.BackOffice.Api;
using Bilan.BackOffice.Pages;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Grpc.Health.V1.HealthCheckResponse.Types;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class DashboardModelTests
{
    private const string BilanId = "0193a3c4-0000-7000-8000-0000000000b1";

    [Fact]
    public async Task OnGetAsync_Consultant_CountsPerStateInFrenchAndNextInterviewsInParisTime()
    {
        var summary = new SummarizeBilansResponse();
        summary.StateCounts.Add(new BilanStateCount { State = State.Requested, BilanCount = 3 });
        summary.StateCounts.Add(new BilanStateCount { State = State.Investigation, BilanCount = 1 });
        summary.UpcomingInterviews.Add(new UpcomingInterview
        {
            Interview = new Interview
            {
                Name = "bilans/b1/interviews/i1",
                Phase = InterviewPhase.Investigation,
                DurationMinutes = 90,
                StartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 3, 13, 30, 0, TimeSpan.Zero)),
            },
            Beneficiary = "beneficiaries/7",
            BeneficiaryDisplayName = "Inès Lefèvre",
        });
        var client = Summarizing(summary);
        var page = Create(client).WithUser(StaffRole.Consultant);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal([new StateCount("STATE_REQUESTED", "demandé", 3), new StateCount("STATE_INVESTIGATION", "phase d'investigation", 1)], page.StateCounts);
        Assert.True(page.ShowsUpcoming);
        Assert.Equal(new UpcomingRow("b1", "03/12/2026", "14:30", "Inès Lefèvre", "phase d'investigation", 90), Assert.Single(page.Upcoming));
        _ = client.Received(1).SummarizeBilansAsync(
            Arg.Is<SummarizeBilansRequest>(r => r.UpcomingInterviewCount == IndexModel.UpcomingCount), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_Admin_CountsWithoutNextInterviews()
    {
        var summary = new SummarizeBilansResponse();
        summary.StateCounts.Add(new BilanStateCount { State = State.Closed, BilanCount = 12 });
        summary.UpcomingInterviews.Add(new UpcomingInterview { Interview = new Interview { Name = "bilans/b1/interviews/i1" } });
        var page = Create(Summarizing(summary)).WithUser(StaffRole.Admin);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal([new StateCount("STATE_CLOSED", "clôturé", 12)], page.StateCounts);
        Assert.False(page.ShowsUpcoming);
        Assert.Empty(page.Upcoming);
    }

    [Fact]
    public async Task OnGetAsync_SummaryRefused_FrenchMessageAndHealthStillShown()
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.SummarizeBilansAsync(Arg.Any<SummarizeBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SummarizeBilansResponse>(new RpcException(new Status(StatusCode.Unavailable, "down"))));
        var page = Create(client).WithUser(StaffRole.Consultant);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service Bilan est momentanément injoignable : réessayez dans un instant.", page.SummaryError);
        Assert.Equal("Le service est disponible.", page.Health?.Message);
        Assert.Empty(page.StateCounts);
    }

    [Fact]
    public async Task OnGetAsync_Alerts_FrenchRowsEachBilanAlertLinkingToItsBilan()
    {
        var alerts = ApiCalls.Alerts(
            new Alert
            {
                Kind = AlertKind.ConventionSignature, Severity = AlertSeverity.Overdue, Subject = $"bilans/{BilanId}/convention",
                DisplayName = "Inès Lefèvre", DueTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero)),
                FrenchMessage = "Convention tripartite reçue par le salarié le 27/11/2026 et non signée au 07/12/2026 : elle est réputée refusée.",
            },
            new Alert
            {
                Kind = AlertKind.EdofDeadline, Severity = AlertSeverity.Upcoming, Subject = $"bilans/{BilanId}/fundings/0193a3c4-0000-7000-8000-0000000000f1",
                DisplayName = "Inès Lefèvre", DueTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero)),
                FrenchMessage = "Dossier CPF 7812345678 : répondez à la demande du titulaire dans EDOF au plus tard le 01/12/2026.",
            },
            new Alert
            {
                Kind = AlertKind.BilanIdle, Severity = AlertSeverity.Upcoming, Subject = $"bilans/{BilanId}", DisplayName = "Inès Lefèvre",
                FrenchMessage = "Aucune activité depuis 14 jours.",
            },
            new Alert
            {
                Kind = AlertKind.ComplaintToAnswer, Severity = AlertSeverity.Upcoming, Subject = "complaints/0193a3c4-0000-7000-8000-0000000000c1",
                DisplayName = "Facture erronée", FrenchMessage = "Réclamation reçue le 02/11/2026 : répondez au plus tard le 02/12/2026.",
            });
        var page = Create(Summarizing(new SummarizeBilansResponse()), alerts).WithUser(StaffRole.Admin);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Alertes.ErrorMessage);
        Assert.Equal(
            [
                ("Convention tripartite : signature du salarié", "En retard", "07/12/2026 (fin de journée)", $"/Bilans/{BilanId}"),
                ("Échéance EDOF (CPF)", "À venir", "01/12/2026 (fin de journée)", $"/Bilans/{BilanId}"),
                ("Bilan sans activité", "À venir", "—", $"/Bilans/{BilanId}"),
                ("Réclamation : réponse", "À venir", "—", "/Qualite/Reclamations/0193a3c4-0000-7000-8000-0000000000c1"),
            ],
            page.Alertes.Rows.Select(r => (r.Kind, r.Severity, r.Due, r.Href)));
        Assert.Equal("Inès Lefèvre", page.Alertes.Rows[0].Label);
        _ = alerts.Received(1).ListAlertsAsync(
            Arg.Is<ListAlertsRequest>(r => r.PageSize == AlertesModel.PageSize), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_AlertsFail_FrenchMessageAndTheRestOfTheDashboardShown()
    {
        var summary = new SummarizeBilansResponse();
        summary.StateCounts.Add(new BilanStateCount { State = State.Requested, BilanCount = 2 });
        var alerts = ApiCalls.AlertsFail(new RpcException(new Status(StatusCode.Unavailable, "down")));
        var page = Create(Summarizing(summary), alerts).WithUser(StaffRole.Consultant);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service Bilan est momentanément injoignable : réessayez dans un instant.", page.Alertes.ErrorMessage);
        Assert.Empty(page.Alertes.Rows);
        Assert.Null(page.SummaryError);
        Assert.Equal([new StateCount("STATE_REQUESTED", "demandé", 2)], page.StateCounts);
        Assert.Equal("Le service est disponible.", page.Health?.Message);
    }

    private static BilanService.BilanServiceClient Summarizing(SummarizeBilansResponse summary)
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.SummarizeBilansAsync(Arg.Any<SummarizeBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(summary));
        return client;
    }

    private static IndexModel Create(BilanService.BilanServiceClient client, AlertService.AlertServiceClient? alerts = null) =>
        new(
            new ApiHealth(HealthCalls.Answering(ServingStatus.Serving), Options.Create(new BilanApiOptions()),
                new FakeTimeProvider(DateTimeOffset.UtcNow), NullLogger<ApiHealth>.Instance),
            client,
            alerts ?? ApiCalls.Alerts(),
            NullLogger<IndexModel>.Instance);
}
