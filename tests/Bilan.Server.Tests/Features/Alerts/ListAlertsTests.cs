using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using static Bilan.Server.Tests.TestSupport.QualityJourneys;
using StaffRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Tests.Features.Alerts;

/// <summary>
/// The dashboard's alerts through the API, with the test clock moved around their due times. A server of its own, so
/// that other tests' complaints and idle bilans do not show; each test still looks only at its own subjects.
/// </summary>
public sealed class ListAlertsTests(ListAlertsTests.AlertsServer fixture) : IClassFixture<ListAlertsTests.AlertsServer>
{
    private const string Password = "Alerts-password-2026";

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task PlannedHours_AtTheThreshold_UpcomingDueAtTheNextInterviewBelowItNothing()
    {
        var near = await Server.NewAssignedBilanAsync();
        var first = await Server.ScheduleAsync(near.Name, InterviewPhase.Preliminary, 480, 1);
        await Server.ScheduleAsync(near.Name, InterviewPhase.Preliminary, 480, 2);
        await Server.ScheduleAsync(near.Name, InterviewPhase.Preliminary, 240, 3); // 8 + 8 + 4 = 20 h: the threshold
        var below = await Server.NewAssignedBilanAsync();
        await Server.ScheduleAsync(below.Name, InterviewPhase.Preliminary, 480, 1);
        await Server.ScheduleAsync(below.Name, InterviewPhase.Preliminary, 480, 2);
        await Server.ScheduleAsync(below.Name, InterviewPhase.Preliminary, 180, 3); // 19 h

        var alerts = await ListAsync(Server.Channel);

        var alert = Assert.Single(alerts, a => a.Subject == near.Name);
        Assert.Equal((AlertKind.PlannedHoursNearCap, AlertSeverity.Upcoming), (alert.Kind, alert.Severity));
        Assert.Equal(first.StartTime, alert.DueTime);
        Assert.Equal("Karim Benali", alert.DisplayName);
        Assert.StartsWith("20 h planifiées sur 24 h au plus (article L6313-4 du Code du travail) : il reste 4 h ; prochain entretien le ", alert.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains("Code du travail L6313-4", alert.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(alerts, a => a.Subject == below.Name);
    }

    [Fact]
    public async Task IdleBilan_ShownFromTheWindowOverdueAfter21DaysGoneOnceAnInterviewIsScheduled()
    {
        var bilan = await Server.NewStartedBilanAsync();
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
        var last = events[^1].CreateTime.ToDateTimeOffset();
        var due = last.AddDays(21);

        Server.Clock.SetUtcNow(last.AddDays(14).AddMinutes(-1));
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == bilan.Name);

        Server.Clock.SetUtcNow(last.AddDays(14));
        var upcoming = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == bilan.Name);
        Assert.Equal((AlertKind.BilanIdle, AlertSeverity.Upcoming, Timestamp.FromDateTimeOffset(due)), (upcoming.Kind, upcoming.Severity, upcoming.DueTime));
        Assert.StartsWith("Aucune activité depuis 14 jours (phase préliminaire", upcoming.FrenchMessage, StringComparison.Ordinal);

        Server.Clock.SetUtcNow(due);
        Assert.Equal(AlertSeverity.Overdue, Assert.Single(await ListAsync(Server.Channel), a => a.Subject == bilan.Name).Severity);

        await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 120, 3);
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == bilan.Name);
    }

    [Fact]
    public async Task Complaint_ToAcknowledgeThenToAnswer_UpcomingOverdueAndGoneWhenDone()
    {
        // Received today: acknowledge by today + 7 (end of that day in Paris), answer by today + 30.
        var today = Server.Today();
        var complaint = await Server.NewComplaintAsync(today, subject: "Retard de remboursement");
        var acknowledgeDue = Domain.Quality.ComplaintDeadlines.EndOfDay(today.AddDays(7));
        var answerDue = Domain.Quality.ComplaintDeadlines.EndOfDay(today.AddDays(30));

        var toAcknowledge = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == complaint.Name);
        Assert.Equal((AlertKind.ComplaintToAcknowledge, AlertSeverity.Upcoming), (toAcknowledge.Kind, toAcknowledge.Severity));
        Assert.Equal(Timestamp.FromDateTimeOffset(acknowledgeDue), toAcknowledge.DueTime);
        Assert.Equal("Retard de remboursement", toAcknowledge.DisplayName);
        Assert.Equal($"Réclamation reçue le {Domain.FrenchCalendar.Format(today)} : accusez-en réception au plus tard le {Domain.FrenchCalendar.Format(today.AddDays(7))}.",
            toAcknowledge.FrenchMessage);

        Server.Clock.SetUtcNow(acknowledgeDue);
        Assert.Equal(AlertSeverity.Overdue, Assert.Single(await ListAsync(Server.Channel), a => a.Subject == complaint.Name).Severity);

        await Server.Quality().AcknowledgeComplaintAsync(new AcknowledgeComplaintRequest { Name = complaint.Name });
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == complaint.Name);

        // The answer shows from 7 days before its deadline, and is overdue from the end of that day.
        Server.Clock.SetUtcNow(answerDue.AddDays(-7));
        var toAnswer = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == complaint.Name);
        Assert.Equal((AlertKind.ComplaintToAnswer, AlertSeverity.Upcoming), (toAnswer.Kind, toAnswer.Severity));
        Server.Clock.SetUtcNow(answerDue);
        Assert.Equal(AlertSeverity.Overdue, Assert.Single(await ListAsync(Server.Channel), a => a.Subject == complaint.Name).Severity);

        await Server.Quality().RejectComplaintAsync(new RejectComplaintRequest { Name = complaint.Name, Answer = "Non fondée." });
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == complaint.Name);
    }

    [Fact]
    public async Task Scope_ConsultantOwnBilansOnly_SupportEveryBilanNoComplaint_AdminEverything()
    {
        var consultant = await Server.NewConsultantAsync("Consultante des alertes");
        var own = await NearCapAsync(await Server.NewAssignedBilanAsync(consultant));
        var others = await NearCapAsync(await Server.NewAssignedBilanAsync());
        var complaint = await Server.NewComplaintAsync();
        var consultantEmail = $"alertes.{Guid.NewGuid():N}@example.org";
        var supportEmail = $"support.{Guid.NewGuid():N}@example.org";
        await TestUsers.InsertAsync(Server.Database, consultantEmail, Password, "Consultante", StaffRole.Consultant, Guid.Parse(consultant.Name["consultants/".Length..]));
        await TestUsers.InsertAsync(Server.Database, supportEmail, Password, "Support", StaffRole.Support, null);

        var ofConsultant = await ListAsync(Server.ChannelAs(consultantEmail, Password));
        var ofSupport = await ListAsync(Server.ChannelAs(supportEmail, Password));
        var ofAdmin = await ListAsync(Server.Channel);

        Assert.Contains(ofConsultant, a => a.Subject == own.Name);
        Assert.DoesNotContain(ofConsultant, a => a.Subject == others.Name);
        Assert.All(ofConsultant, a => Assert.StartsWith("bilans/", a.Subject, StringComparison.Ordinal));
        Assert.Contains(ofSupport, a => a.Subject == own.Name);
        Assert.Contains(ofSupport, a => a.Subject == others.Name);
        Assert.DoesNotContain(ofSupport, a => a.Subject == complaint.Name);
        Assert.Contains(ofAdmin, a => a.Subject == complaint.Name);
        Assert.Contains(ofAdmin, a => a.Subject == own.Name);
    }

    [Fact]
    public async Task List_OverdueFirstThenSoonestAndCutToPageSize()
    {
        var overdue = await Server.NewComplaintAsync(Server.Today().AddDays(-10)); // acknowledgement overdue since 3 days
        var upcoming = await Server.NewComplaintAsync(Server.Today());

        var all = await Server.AlertsClient().ListAlertsAsync(new ListAlertsRequest());
        var one = await Server.AlertsClient().ListAlertsAsync(new ListAlertsRequest { PageSize = 1 });

        var names = all.Alerts.Select(a => a.Subject).ToList();
        Assert.True(names.IndexOf(overdue.Name) < names.IndexOf(upcoming.Name));
        Assert.All(all.Alerts.SkipWhile(a => a.Severity == AlertSeverity.Overdue), a => Assert.Equal(AlertSeverity.Upcoming, a.Severity));
        Assert.Single(one.Alerts);
        Assert.Equal(all.TotalSize, one.TotalSize);
        Assert.Equal(all.Alerts[0], one.Alerts[0]);
    }

    [Fact]
    public async Task List_EachBilanAlertNamedByItsOwnBeneficiary()
    {
        var camille = await NearCapAsync(await Server.NewAssignedBilanAsync(beneficiary: Requests.JobSeeker("Martin", "Camille")));
        var lea = await NearCapAsync(await Server.NewAssignedBilanAsync(beneficiary: Requests.JobSeeker("Roux", "Léa")));

        var alerts = await ListAsync(Server.Channel);

        Assert.Equal("Camille Martin", Assert.Single(alerts, a => a.Subject == camille.Name).DisplayName);
        Assert.Equal("Léa Roux", Assert.Single(alerts, a => a.Subject == lea.Name).DisplayName);
    }

    private async Task<Contracts.V1.Bilan> NearCapAsync(Contracts.V1.Bilan bilan)
    {
        await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 480, 1);
        await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 480, 2);
        await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 480, 3);
        return bilan;
    }

    private static async Task<IReadOnlyList<Alert>> ListAsync(GrpcChannel channel) =>
        (await new AlertService.AlertServiceClient(channel).ListAlertsAsync(new ListAlertsRequest { PageSize = 500 })).Alerts;

    /// <summary>A server of the alert tests' own.</summary>
    public sealed class AlertsServer : IAsyncLifetime
    {
        public ApiServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await ApiServer.StartAsync();

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
