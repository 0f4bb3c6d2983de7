using Bilan.Contracts.V1;
using Bilan.Domain.Alerts;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using static Bilan.Server.Tests.TestSupport.QualityJourneys;
using AlertSeverity = Bilan.Contracts.V1.AlertSeverity;
using Date = Google.Type.Date;
using StaffRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Tests.Features.Alerts;

/// <summary>
/// The alerts of the deadlines other features expose (EDOF, tripartite convention R6313-8, working-time authorisation
/// D6323-4, follow-up R6313-4 3°), through the API with the test clock moved around their due times. Each test starts
/// on the next morning (09:00 UTC), so that the UTC day the helpers use is the Paris day; the clock only moves forward.
/// </summary>
public sealed class DeadlineAlertsTests(ListAlertsTests.AlertsServer fixture) : IClassFixture<ListAlertsTests.AlertsServer>
{
    private const string Password = "Deadlines-password-2026";

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Edof_AnswerPendingThenEntryDeclarationShownInTheWindowOverdueAndGoneOnceDeclared()
    {
        NextMorning();
        var today = Server.Today();
        var bilan = await Server.NewAssignedBilanAsync();
        var funding = await Server.AddFundingAsync(bilan.Name, Fundings.Cpf(DateOf(today), withDossier: true));
        var number = funding.EdofDossier.DossierNumber;
        var answerDue = DueDate(funding, EdofDeadlineKind.Answer);

        var answer = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == funding.Name);
        Assert.Equal((AlertKind.EdofDeadline, AlertSeverity.Upcoming, Timestamp.FromDateTimeOffset(AlertTiming.EndOfDay(answerDue))),
            (answer.Kind, answer.Severity, answer.DueTime));
        Assert.Equal("Karim Benali", answer.DisplayName);
        Assert.Equal($"Dossier CPF {number} : répondez à la demande du titulaire dans EDOF au plus tard le {French(answerDue)} (2 jours ouvrés après sa réception le {French(today)}, règles EDOF de Mon Compte Formation).",
            answer.FrenchMessage);

        // Proposed today for a start in 30 days, then accepted: the answer is met; the entry is to be declared within
        // 3 working days of the planned start.
        var start = today.AddDays(30);
        await TransitionAsync(funding.Name, EdofState.Validated, today, r =>
        {
            r.TrainingStartDate = DateOf(start);
            r.TrainingEndDate = DateOf(start.AddDays(60));
        });
        var accepted = await TransitionAsync(funding.Name, EdofState.Accepted, today);
        var entryDue = DueDate(accepted, EdofDeadlineKind.EntryDeclaration);
        var due = AlertTiming.EndOfDay(entryDue);
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == funding.Name);

        Server.Clock.SetUtcNow(due.AddDays(-7).AddMinutes(-1));
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == funding.Name);

        Server.Clock.SetUtcNow(due.AddDays(-7));
        var upcoming = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == funding.Name);
        Assert.Equal((AlertKind.EdofDeadline, AlertSeverity.Upcoming, Timestamp.FromDateTimeOffset(due)), (upcoming.Kind, upcoming.Severity, upcoming.DueTime));
        Assert.Equal($"Dossier CPF {number} : déclarez l'entrée en formation prévue le {French(start)} dans EDOF au plus tard le {French(entryDue)} (3 jours ouvrés, règles EDOF de Mon Compte Formation).",
            upcoming.FrenchMessage);

        Server.Clock.SetUtcNow(due);
        var overdue = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == funding.Name);
        Assert.Equal(AlertSeverity.Overdue, overdue.Severity);
        Assert.Equal($"Dossier CPF {number} : l'entrée en formation prévue le {French(start)} devait être déclarée dans EDOF au plus tard le {French(entryDue)} (3 jours ouvrés, règles EDOF de Mon Compte Formation).",
            overdue.FrenchMessage);
        Assert.Contains("EDOF rules", overdue.Message, StringComparison.Ordinal);

        // Declared, late: the deadline is MISSED, nothing is left to do.
        await TransitionAsync(funding.Name, EdofState.InTraining, Server.Today(), r => r.EntryDate = DateOf(start));
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == funding.Name);
    }

    [Fact]
    public async Task Convention_AwaitingTheEmployeeShownInTheWindowThenDeemedRefusedOverdueUntilANewOneIsDrafted()
    {
        NextMorning();
        var today = Server.Today();
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.EmployerPlan, WorkingTime.During);
        var signed = await Server.NewEmployeeBilanAsync(FundingSource.EmployerPlan, WorkingTime.During);
        await Server.SignedConventionAsync(signed.Name);
        var name = $"{bilan.Name}/convention";
        var conventions = Server.ConventionsClient();
        await conventions.UpdateConventionAsync(new UpdateConventionRequest { Convention = TestSupport.StartConditions.CompleteConvention(bilan.Name) });
        var sent = await conventions.SendConventionAsync(new SendConventionRequest { Name = name, SentDate = DateOf(today), ReceivedDate = DateOf(today) });
        var deadline = Of(sent.EmployeeSignatureDeadline);
        var due = AlertTiming.EndOfDay(deadline);
        Assert.Equal(today.AddDays(10), deadline);

        Server.Clock.SetUtcNow(due.AddDays(-7).AddMinutes(-1));
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);

        Server.Clock.SetUtcNow(due.AddDays(-7));
        var alerts = await ListAsync(Server.Channel);
        var upcoming = Assert.Single(alerts, a => a.Subject == name);
        Assert.Equal((AlertKind.ConventionSignature, AlertSeverity.Upcoming, Timestamp.FromDateTimeOffset(due)), (upcoming.Kind, upcoming.Severity, upcoming.DueTime));
        Assert.Equal($"Convention tripartite reçue par le salarié le {French(today)} : il a jusqu'au {French(deadline)} pour la signer (10 jours, article R6313-8 du Code du travail) ; sans sa signature, elle sera réputée refusée.",
            upcoming.FrenchMessage);
        Assert.DoesNotContain(alerts, a => a.Subject.StartsWith(signed.Name, StringComparison.Ordinal));

        Server.Clock.SetUtcNow(due);
        var refused = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == name);
        Assert.Equal(AlertSeverity.Overdue, refused.Severity);
        Assert.Equal($"Convention tripartite reçue par le salarié le {French(today)} et non signée au {French(deadline)} : elle est réputée refusée (article R6313-8 du Code du travail ; ce refus n'est pas une faute). Établissez une nouvelle convention avant le début du bilan.",
            refused.FrenchMessage);
        Assert.Contains("deemed refused (Code du travail R6313-8", refused.Message, StringComparison.Ordinal);

        await conventions.UpdateConventionAsync(new UpdateConventionRequest { Convention = TestSupport.StartConditions.CompleteConvention(bilan.Name) });
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);
    }

    [Fact]
    public async Task WorkingTimeAuthorization_NotRequestedShownInTheWindowOverdueAfterTheLatestRequestDate()
    {
        NextMorning();
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.During, startInDays: 70);
        var outside = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.Outside, startInDays: 70);
        var name = $"{bilan.Name}/workingTimeAuthorization";
        var authorization = await Server.AuthorizationsClient().GetWorkingTimeAuthorizationAsync(new GetWorkingTimeAuthorizationRequest { Name = name });
        var latest = Of(authorization.LatestRequestDate);
        var start = Of(bilan.PlannedStartDate);
        var due = AlertTiming.EndOfDay(latest);

        Server.Clock.SetUtcNow(due.AddDays(-7).AddMinutes(-1));
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);

        Server.Clock.SetUtcNow(due.AddDays(-7));
        var alerts = await ListAsync(Server.Channel);
        var upcoming = Assert.Single(alerts, a => a.Subject == name);
        Assert.Equal((AlertKind.WorkingTimeAuthorization, AlertSeverity.Upcoming, Timestamp.FromDateTimeOffset(due)), (upcoming.Kind, upcoming.Severity, upcoming.DueTime));
        Assert.Equal($"Bilan financé par le CPF sur le temps de travail : le salarié doit demander l'autorisation de son employeur au plus tard le {French(latest)}, 60 jours avant le début prévu le {French(start)} (article D6323-4 du Code du travail).",
            upcoming.FrenchMessage);
        Assert.DoesNotContain(alerts, a => a.Subject.StartsWith(outside.Name, StringComparison.Ordinal));

        Server.Clock.SetUtcNow(due);
        var overdue = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == name);
        Assert.Equal(AlertSeverity.Overdue, overdue.Severity);
        Assert.StartsWith($"Bilan financé par le CPF sur le temps de travail : l'autorisation de l'employeur n'a pas été demandée au plus tard le {French(latest)}",
            overdue.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains("Code du travail D6323-4", overdue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WorkingTimeAuthorization_RequestedWithoutAnswer_NoticeBeforeItIsDeemedGrantedGoneThenAndOnAnAnswer()
    {
        NextMorning();
        var today = Server.Today();
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.PartlyDuring, startInDays: 90);
        var answered = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.During, startInDays: 90);
        var name = $"{bilan.Name}/workingTimeAuthorization";
        var authorizations = Server.AuthorizationsClient();
        var requested = await authorizations.RequestWorkingTimeAuthorizationAsync(new RequestWorkingTimeAuthorizationRequest { Name = name, RequestDate = DateOf(today) });
        await authorizations.RequestWorkingTimeAuthorizationAsync(new RequestWorkingTimeAuthorizationRequest { Name = $"{answered.Name}/workingTimeAuthorization", RequestDate = DateOf(today) });
        await authorizations.RecordEmployerAnswerAsync(new RecordEmployerAnswerRequest
        {
            Name = $"{answered.Name}/workingTimeAuthorization", Answer = EmployerAnswer.Granted, AnswerDate = DateOf(today),
        });
        var deemed = Of(requested.DeemedGrantedDate);
        var due = AlertTiming.StartOfDay(deemed);
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);

        Server.Clock.SetUtcNow(due.AddDays(-7).AddMinutes(-1));
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);

        Server.Clock.SetUtcNow(due.AddDays(-7));
        var alerts = await ListAsync(Server.Channel);
        var notice = Assert.Single(alerts, a => a.Subject == name);
        Assert.Equal((AlertKind.WorkingTimeAuthorization, AlertSeverity.Upcoming, Timestamp.FromDateTimeOffset(due)), (notice.Kind, notice.Severity, notice.DueTime));
        Assert.Equal($"Autorisation demandée à l'employeur le {French(today)}, sans réponse à ce jour : sans réponse, l'accord sera réputé acquis le {French(deemed)} (30 jours, article D6323-4 du Code du travail).",
            notice.FrenchMessage);
        Assert.DoesNotContain(alerts, a => a.Subject.StartsWith(answered.Name, StringComparison.Ordinal));

        // From the deemed-granted day, silence is acceptance: nothing to do, never overdue.
        Server.Clock.SetUtcNow(due);
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);
    }

    [Fact]
    public async Task FollowUp_ProposedNotScheduledShownInTheWindowOverdueAfterGoneOnceScheduled()
    {
        NextMorning();
        var bilan = await Server.NewCompletedBilanAsync();
        var name = $"{bilan.Name}/followUp";
        var followUp = await Server.FollowUpsClient().UpdateFollowUpAsync(new UpdateFollowUpRequest { FollowUp = new FollowUp { Name = name, DelayMonths = 1 } });
        var proposed = Of(followUp.ProposedDate);
        var due = AlertTiming.EndOfDay(proposed);
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);

        Server.Clock.SetUtcNow(due.AddDays(-7).AddMinutes(-1));
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);

        Server.Clock.SetUtcNow(due.AddDays(-7));
        var upcoming = Assert.Single(await ListAsync(Server.Channel), a => a.Subject == name);
        Assert.Equal((AlertKind.FollowUpToSchedule, AlertSeverity.Upcoming, Timestamp.FromDateTimeOffset(due)), (upcoming.Kind, upcoming.Severity, upcoming.DueTime));
        Assert.Equal($"Entretien de suivi proposé pour le {French(proposed)} (article R6313-4 3° du Code du travail) et pas encore planifié : planifiez-le avec le bénéficiaire, ou notez qu'il le décline.",
            upcoming.FrenchMessage);

        Server.Clock.SetUtcNow(due);
        Assert.Equal(AlertSeverity.Overdue, Assert.Single(await ListAsync(Server.Channel), a => a.Subject == name).Severity);

        // In FOLLOW_UP it still waits for its interview; scheduled, it is done.
        await Server.Bilans.StartFollowUpAsync(new StartFollowUpRequest { Name = bilan.Name });
        Assert.Equal(AlertSeverity.Overdue, Assert.Single(await ListAsync(Server.Channel), a => a.Subject == name).Severity);
        await Server.ScheduleAsync(bilan.Name, InterviewPhase.FollowUp, 60, 3);
        Assert.DoesNotContain(await ListAsync(Server.Channel), a => a.Subject == name);
    }

    [Fact]
    public async Task Scope_ConsultantSeesEachKindForTheirBilansOnly_SupportAndAdminSeeAll()
    {
        NextMorning();
        var consultant = await Server.NewConsultantAsync("Consultant des échéances");
        var own = await NewDeadlinesAsync(consultant);
        var others = await NewDeadlinesAsync(null);
        var consultantEmail = $"echeances.{Guid.NewGuid():N}@example.org";
        var supportEmail = $"support.{Guid.NewGuid():N}@example.org";
        await TestUsers.InsertAsync(Server.Database, consultantEmail, Password, "Consultant", StaffRole.Consultant, Guid.Parse(consultant.Name["consultants/".Length..]));
        await TestUsers.InsertAsync(Server.Database, supportEmail, Password, "Support", StaffRole.Support, null);
        // The follow-ups are proposed a month after completion: from their window on, every kind shows (the others overdue).
        var lastFollowUp = own.Concat(others).Where(d => d.Kind == AlertKind.FollowUpToSchedule).Max(d => d.Due!.Value);
        Server.Clock.SetUtcNow(lastFollowUp.AddDays(-7));

        var ofConsultant = await ListAsync(Server.ChannelAs(consultantEmail, Password));
        var ofSupport = await ListAsync(Server.ChannelAs(supportEmail, Password));
        var ofAdmin = await ListAsync(Server.Channel);

        Assert.Equal(own.Select(d => (d.Kind, d.Subject)).Order(), ofConsultant.Where(a => own.Any(d => d.Subject == a.Subject)).Select(a => (a.Kind, a.Subject)).Order());
        Assert.Equal(
            [AlertKind.EdofDeadline, AlertKind.ConventionSignature, AlertKind.WorkingTimeAuthorization, AlertKind.FollowUpToSchedule],
            own.Select(d => d.Kind));
        Assert.DoesNotContain(ofConsultant, a => others.Any(d => d.Subject == a.Subject));
        Assert.All(own.Concat(others), d => Assert.Contains(ofSupport, a => a.Subject == d.Subject && a.Kind == d.Kind));
        Assert.All(own.Concat(others), d => Assert.Contains(ofAdmin, a => a.Subject == d.Subject && a.Kind == d.Kind));
    }

    /// <summary>
    /// For <paramref name="consultant"/> (a new one when null), one situation of each new kind: a CPF dossier waiting
    /// for its answer, a convention awaiting the employee, a CPF bilan on working time starting in 64 days with no
    /// authorisation asked, a completed bilan whose follow-up is proposed a month later.
    /// </summary>
    private async Task<List<(AlertKind Kind, string Subject, DateTimeOffset? Due)>> NewDeadlinesAsync(Consultant? consultant)
    {
        consultant ??= await Server.NewConsultantAsync();
        var today = Server.Today();
        var cpf = await Server.NewAssignedBilanAsync(consultant);
        var funding = await Server.AddFundingAsync(cpf.Name, Fundings.Cpf(DateOf(today), withDossier: true));
        var employerPlan = await Server.NewEmployeeBilanAsync(FundingSource.EmployerPlan, WorkingTime.During, consultant: consultant);
        await Server.ConventionsClient().UpdateConventionAsync(new UpdateConventionRequest { Convention = TestSupport.StartConditions.CompleteConvention(employerPlan.Name) });
        await Server.ConventionsClient().SendConventionAsync(new SendConventionRequest
        {
            Name = $"{employerPlan.Name}/convention", SentDate = DateOf(today), ReceivedDate = DateOf(today),
        });
        var onWorkingTime = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.During, startInDays: 64, consultant: consultant);
        var completed = await Server.ReadyToCompleteAsync(await Server.NewAssignedBilanAsync(consultant));
        await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = completed.Name });
        var followUp = await Server.FollowUpsClient().UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = $"{completed.Name}/followUp", DelayMonths = 1 },
        });
        return
        [
            (AlertKind.EdofDeadline, funding.Name, null),
            (AlertKind.ConventionSignature, $"{employerPlan.Name}/convention", null),
            (AlertKind.WorkingTimeAuthorization, $"{onWorkingTime.Name}/workingTimeAuthorization", null),
            (AlertKind.FollowUpToSchedule, followUp.Name, AlertTiming.EndOfDay(Of(followUp.ProposedDate))),
        ];
    }

    /// <summary>Moves the clock to 09:00 UTC the next day: the UTC day is then the Paris day.</summary>
    private void NextMorning() =>
        Server.Clock.SetUtcNow(new DateTimeOffset(Server.Clock.GetUtcNow().UtcDateTime.Date.AddDays(1).AddHours(9), TimeSpan.Zero));

    private async Task<Contracts.V1.Funding> TransitionAsync(string name, EdofState state, DateOnly effective, Action<TransitionEdofDossierRequest>? more = null)
    {
        var request = new TransitionEdofDossierRequest { Name = name, State = state, EffectiveDate = DateOf(effective) };
        more?.Invoke(request);
        return await Server.FundingClient().TransitionEdofDossierAsync(request);
    }

    private static DateOnly DueDate(Contracts.V1.Funding funding, EdofDeadlineKind kind) =>
        Of(funding.EdofDossier.Deadlines.Single(d => d.Kind == kind).DueDate);

    private static DateOnly Of(Date date) => new(date.Year, date.Month, date.Day);

    private static string French(DateOnly date) => Domain.FrenchCalendar.Format(date);

    private static async Task<IReadOnlyList<Alert>> ListAsync(GrpcChannel channel) =>
        (await new AlertService.AlertServiceClient(channel).ListAlertsAsync(new ListAlertsRequest { PageSize = 500 })).Alerts;
}
