using Bilan.BackOffice.Pages.Bilans;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using State = Bilan.Contracts.V1.Bilan.Types.State;
using Transition = Bilan.Domain.Bilans.BilanTransition;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class DetailModelTests
{
    private static readonly Guid Id = Guid.Parse("0193a3c4-0000-7000-8000-0000000000b1");
    private static readonly string Name = $"bilans/{Id}";
    private const string BeneficiaryName = "beneficiaries/0193a3c4-0000-7000-8000-000000000007";
    private const string ConsultantName = "consultants/0193a3c4-0000-7000-8000-000000000042";

    public static TheoryData<State, StaffRole, Transition[]> AllowedActions => new()
    {
        { State.Requested, StaffRole.Admin, [Transition.Start, Transition.Cancel] },
        { State.Requested, StaffRole.Consultant, [Transition.Start, Transition.Cancel] },
        { State.Investigation, StaffRole.Consultant, [Transition.StartConclusion, Transition.Abandon] },
        { State.Completed, StaffRole.Admin, [Transition.StartFollowUp, Transition.Close, Transition.Abandon] },
        { State.Investigation, StaffRole.Support, [] },
        { State.Closed, StaffRole.Admin, [] },
        { State.Cancelled, StaffRole.Consultant, [] },
    };

    [Theory]
    [MemberData(nameof(AllowedActions))]
    public async Task OnGetAsync_StateAndRole_OnlyTheActionsAllowedNow(State state, StaffRole role, Transition[] expected)
    {
        var page = Create(BilanClient(Bilan(state)), role);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(expected, page.Actions.Select(a => a.Transition));
    }

    [Fact]
    public async Task OnGetAsync_Bilan_FrenchStateNamesAndScheduleOnlyForPractitioners()
    {
        var admin = Create(BilanClient(Bilan(State.Preliminary)), StaffRole.Admin);
        var support = Create(BilanClient(Bilan(State.Preliminary)), StaffRole.Support);

        await admin.OnGetAsync(CancellationToken.None);
        await support.OnGetAsync(CancellationToken.None);

        Assert.Equal(("phase préliminaire", "Camille Martin", "Claire Dupont"), (admin.StateLabel, admin.BeneficiaryName, admin.ConsultantName));
        Assert.Equal(["Passer en phase d'investigation", "Déclarer l'abandon"], admin.Actions.Select(a => a.Label));
        Assert.True(admin.MaySchedule);
        Assert.False(support.MaySchedule);
        Assert.False(support.MayChangeInterviews);
    }

    [Fact]
    public async Task OnGetAsync_ServerConfiguresAnotherMinimum_GaugeUsesTheServersMinimum()
    {
        var policy = ApiCalls.DefaultPolicy();
        policy.MinimumEffectiveHours = 14;
        var interviews = ApiCalls.Interviews(Interview("i1", InterviewStatus.Held, 780, held: 780));
        var page = Create(BilanClient(Bilan(State.Investigation)), StaffRole.Consultant, interviews, ApiCalls.Policies(policy));

        await page.OnGetAsync(CancellationToken.None);

        // 13 h held: enough against the default minimum, not against the 14 h this installation configured.
        Assert.Equal(((int?)14, 24, false, "1 h"), (page.Gauge.MinimumHours, page.Gauge.MaximumHours, page.Gauge.MinimumReached, page.Gauge.MissingForMinimum));
    }

    [Fact]
    public async Task OnGetAsync_PolicyUnreadable_FiguresWithoutAMinimumRatherThanTheDefault()
    {
        var interviews = ApiCalls.Interviews(Interview("i1", InterviewStatus.Held, 780, held: 780));
        var policies = ApiCalls.PoliciesFail(ApiCalls.Error(Grpc.Core.StatusCode.Unavailable, "Le service est momentanément indisponible."));
        var page = Create(BilanClient(Bilan(State.Investigation)), StaffRole.Consultant, interviews, policies);

        await page.OnGetAsync(CancellationToken.None);

        Assert.NotNull(page.Bilan);
        Assert.Equal(("13 h", false, (int?)null, 24), (page.Gauge.Held, page.Gauge.MinimumKnown, page.Gauge.MinimumHours, page.Gauge.MaximumHours));
        Assert.False(page.Gauge.MinimumReached);
        Assert.Equal(string.Empty, page.Gauge.MissingForMinimum);
        Assert.True(page.ModelState.IsValid);
    }

    [Fact]
    public async Task OnGetAsync_Interviews_GaugeCountsHeldAndScheduledAgainstMinimumAndMaximum()
    {
        var interviews = ApiCalls.Interviews(
            Interview("i1", InterviewStatus.Held, 180, held: 170),
            Interview("i2", InterviewStatus.Held, 300, held: 280),
            Interview("i3", InterviewStatus.Scheduled, 120),
            Interview("i4", InterviewStatus.Cancelled, 60),
            Interview("i5", InterviewStatus.Missed, 60));
        var page = Create(BilanClient(Bilan(State.Investigation)), StaffRole.Consultant, interviews);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(("7 h 30", "2 h", "9 h 30", "5 h 30"), (page.Gauge.Held, page.Gauge.Scheduled, page.Gauge.Planned, page.Gauge.MissingForMinimum));
        Assert.Equal(((int?)13, 24, false), (page.Gauge.MinimumHours, page.Gauge.MaximumHours, page.Gauge.MinimumReached));
        Assert.Equal("7.5", page.Gauge.HeldValue);
        Assert.Equal(["réalisé (2 h 50)", "réalisé (4 h 40)", "planifié", "annulé", "manqué"], page.Interviews.Select(i => i.Status));
        Assert.Equal([false, false, true, false, false], page.Interviews.Select(i => i.IsScheduled));
    }

    [Fact]
    public async Task OnGetAsync_History_FrenchLabelsStateChangesAndFacts()
    {
        var client = BilanClient(Bilan(State.Abandoned));
        var events = new ListBilanEventsResponse();
        events.Events.Add(Event(BilanEventType.Created, State.Requested, State.Requested));
        events.Events.Add(Event(BilanEventType.ConsultantAssigned, State.Requested, State.Requested, ("consultant", ConsultantName)));
        events.Events.Add(Event(BilanEventType.Started, State.Requested, State.Preliminary));
        events.Events.Add(Event(BilanEventType.InterviewHeld, State.Preliminary, State.Preliminary, ("held_minutes", "90")));
        events.Events.Add(Event(BilanEventType.Abandoned, State.Preliminary, State.Abandoned, ("reason", "ABANDON_REASON_NEW_JOB_OR_TRAINING")));
        events.Events.Add(Event((BilanEventType)99, State.Abandoned, State.Abandoned));
        client.ListBilanEventsAsync(Arg.Any<ListBilanEventsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(events));
        var page = Create(client, StaffRole.Support);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(
            ["Bilan créé", "Consultant attribué", "Bilan démarré : phase préliminaire", "Entretien réalisé", "Bilan abandonné", "Événement"],
            page.Timeline.Select(t => t.Label));
        Assert.Equal("demandé → phase préliminaire", page.Timeline[2].StateChange);
        Assert.Null(page.Timeline[0].StateChange);
        Assert.Equal("Consultant : Claire Dupont", page.Timeline[1].Detail);
        Assert.Equal("Durée réalisée : 1 h 30", page.Timeline[3].Detail);
        Assert.Equal("Motif : emploi ou formation trouvé", page.Timeline[4].Detail);
        Assert.Equal("27/11/2026 15:04:05", page.Timeline[0].When);
        Assert.Equal("un membre de l'équipe", page.Timeline[0].Actor);
    }

    [Fact]
    public async Task OnGetAsync_Eligibility_VerdictAndEveryReasonInFrenchOverThePlannedPeriod()
    {
        var client = BilanClient(Bilan(State.Requested));
        var answer = new CheckEligibilityResponse { Eligible = false };
        answer.Reasons.Add(new EligibilityReason { Blocking = true, FrenchDescription = "Congé maternité du 01/02/2027 au 30/05/2027 : aucun bilan pendant ce congé." });
        answer.Reasons.Add(new EligibilityReason { Blocking = false, FrenchDescription = "Congé parental : le bilan reste possible." });
        client.CheckEligibilityAsync(Arg.Any<CheckEligibilityRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(answer));
        var page = Create(client, StaffRole.Admin);

        await page.OnGetAsync(CancellationToken.None);

        var eligibility = page.Eligibility!;
        Assert.Equal(("Le bilan ne peut pas avoir lieu sur cette période.", "11/01/2027", "30/04/2027"), (eligibility.Verdict, eligibility.From, eligibility.To));
        Assert.Equal([true, false], eligibility.Reasons.Select(r => r.Blocking));
        _ = client.Received(1).CheckEligibilityAsync(
            Arg.Is<CheckEligibilityRequest>(r => r.Beneficiary == BeneficiaryName && r.StartDate.Month == 1 && r.EndDate.Month == 4),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_UnknownBilan_NotFound()
    {
        var client = BilanClient(Bilan(State.Requested));
        client.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Contracts.V1.Bilan>(ApiCalls.Error(StatusCode.NotFound, "Ce bilan n'existe pas.", "RESOURCE_NOT_FOUND")));

        Assert.IsType<NotFoundResult>(await Create(client, StaffRole.Admin).OnGetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task OnPostTransitionAsync_Allowed_CallsTheMethodWithTheEtagAndRedirectsWithANotice()
    {
        var client = BilanClient(Bilan(State.Preliminary));
        client.StartInvestigationAsync(Arg.Any<StartInvestigationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Bilan(State.Investigation)));
        var page = Create(client, StaffRole.Consultant);
        page.Action = nameof(Transition.StartInvestigation);
        page.Etag = "W/\"3\"";

        var result = await page.OnPostTransitionAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("Passer en phase d'investigation : c'est fait.", page.TempData[DetailModel.NoticeKey]);
        _ = client.Received(1).StartInvestigationAsync(
            Arg.Is<StartInvestigationRequest>(r => r.Name == Name && r.Etag == "W/\"3\"" && r.RequestId.Length == 36),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostTransitionAsync_ConditionsNotMet_TheApisFrenchMessageInModelState()
    {
        const string French = "Action impossible : aucun entretien de la phase d'investigation n'a été réalisé.";
        var failure = new PreconditionFailure();
        failure.Violations.Add(new PreconditionFailure.Types.Violation { Type = "HELD_INTERVIEW", Subject = Name, Description = "No held investigation interview." });
        var client = BilanClient(Bilan(State.Investigation));
        client.StartConclusionAsync(Arg.Any<StartConclusionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Contracts.V1.Bilan>(ApiCalls.Error(StatusCode.FailedPrecondition, French, "TRANSITION_CONDITIONS_NOT_MET", failure)));
        var page = Create(client, StaffRole.Consultant);
        page.Action = nameof(Transition.StartConclusion);

        var result = await page.OnPostTransitionAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(French, Assert.Single(page.ModelState[string.Empty]!.Errors).ErrorMessage);
        Assert.False(page.Stale);
        Assert.NotNull(page.Bilan);
    }

    [Fact]
    public async Task OnPostTransitionAsync_StaleEtag_SaysSomeoneElseChangedItAndOffersReload()
    {
        var client = BilanClient(Bilan(State.Requested));
        client.StartBilanAsync(Arg.Any<StartBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Contracts.V1.Bilan>(ApiCalls.Error(StatusCode.Aborted, "Le bilan a changé.", "ETAG_MISMATCH")));
        var page = Create(client, StaffRole.Admin);
        page.Action = nameof(Transition.Start);
        page.Etag = "W/\"1\"";

        var result = await page.OnPostTransitionAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.Stale);
        Assert.StartsWith("Quelqu'un d'autre a modifié ce bilan entre-temps", Assert.Single(page.ModelState[string.Empty]!.Errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPostTransitionAsync_AbandonWithoutReason_AskedInFrenchWithoutCallingTheApi()
    {
        var client = BilanClient(Bilan(State.Investigation));
        var page = Create(client, StaffRole.Consultant);
        page.Action = nameof(Transition.Abandon);

        await page.OnPostTransitionAsync(CancellationToken.None);

        Assert.Equal("Choisissez le motif de l'abandon.", Assert.Single(page.ModelState[nameof(DetailModel.MotifAbandon)]!.Errors).ErrorMessage);
        _ = client.DidNotReceive().AbandonBilanAsync(Arg.Any<AbandonBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostPlanifierAsync_ParisWallClock_SentAsUtcAndRedirects()
    {
        var interviews = ApiCalls.Interviews();
        interviews.ScheduleInterviewAsync(Arg.Any<ScheduleInterviewRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Interview()));
        var page = Create(BilanClient(Bilan(State.Preliminary)), StaffRole.Consultant, interviews);
        page.Planification = new InterviewInput { Phase = 1, Debut = new DateTime(2027, 3, 10, 10, 0, 0), Duree = 90, Modalite = 2 };

        var result = await page.OnPostPlanifierAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        _ = interviews.Received(1).ScheduleInterviewAsync(
            Arg.Is<ScheduleInterviewRequest>(r => r.Parent == Name
                && r.Interview.StartTime.ToDateTimeOffset() == new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero)
                && r.Interview.DurationMinutes == 90 && r.Interview.Mode == InterviewMode.Remote && r.Interview.Phase == InterviewPhase.Preliminary),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostPlanifierAsync_ApiRefusesTheSlot_FieldMessageAndTypedValuesKept()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
        {
            Field = "interview.duration_minutes",
            LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "La durée va de 15 à 480 minutes." },
        });
        var interviews = ApiCalls.Interviews();
        interviews.ScheduleInterviewAsync(Arg.Any<ScheduleInterviewRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Interview>(ApiCalls.Error(StatusCode.InvalidArgument, "Certaines informations sont invalides.", "INVALID_FIELDS", badRequest)));
        var page = Create(BilanClient(Bilan(State.Preliminary)), StaffRole.Consultant, interviews);
        page.Planification = new InterviewInput { Phase = 2, Debut = new DateTime(2027, 3, 10, 10, 0, 0), Duree = 5, Modalite = 1 };

        var result = await page.OnPostPlanifierAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal("planifier", page.FailedForm);
        Assert.Equal("La durée va de 15 à 480 minutes.", Assert.Single(page.ModelState["Planification.Duree"]!.Errors).ErrorMessage);
        Assert.Equal((2, 5), (page.Planification.Phase, page.Planification.Duree));
    }

    [Fact]
    public async Task OnPostIssueAsync_HeldWithoutDuration_AskedInFrench()
    {
        var interviews = ApiCalls.Interviews();
        var page = Create(BilanClient(Bilan(State.Preliminary)), StaffRole.Consultant, interviews);
        page.Entretien = $"{Name}/interviews/i1";
        page.Issue = new OutcomeInput { Resultat = (int)InterviewStatus.Held };

        await page.OnPostIssueAsync(CancellationToken.None);

        Assert.Equal("Indiquez la durée réelle de l'entretien, en minutes.", Assert.Single(page.ModelState["Issue.Duree"]!.Errors).ErrorMessage);
        _ = interviews.DidNotReceive().RecordInterviewOutcomeAsync(Arg.Any<RecordInterviewOutcomeRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostIssueAsync_Missed_RecordedWithNoMinutesAndTheInterviewEtag()
    {
        var interviews = ApiCalls.Interviews();
        interviews.RecordInterviewOutcomeAsync(Arg.Any<RecordInterviewOutcomeRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Interview()));
        var page = Create(BilanClient(Bilan(State.Preliminary)), StaffRole.Consultant, interviews);
        page.Entretien = $"{Name}/interviews/i1";
        page.EntretienEtag = "W/\"2\"";
        page.Issue = new OutcomeInput { Resultat = (int)InterviewStatus.Missed, Duree = 60 };

        Assert.IsType<RedirectToPageResult>(await page.OnPostIssueAsync(CancellationToken.None));
        _ = interviews.Received(1).RecordInterviewOutcomeAsync(
            Arg.Is<RecordInterviewOutcomeRequest>(r => r.Name == page.Entretien && r.Outcome == InterviewStatus.Missed && r.HeldMinutes == 0 && r.Etag == "W/\"2\""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostAnnulerEntretienAsync_InterviewOfAnotherBilan_RefusedWithoutCallingTheApi()
    {
        var interviews = ApiCalls.Interviews();
        var page = Create(BilanClient(Bilan(State.Preliminary)), StaffRole.Consultant, interviews);
        page.Entretien = "bilans/0193a3c4-0000-7000-8000-0000000000ff/interviews/i1";

        await page.OnPostAnnulerEntretienAsync(CancellationToken.None);

        Assert.False(page.ModelState.IsValid);
        _ = interviews.DidNotReceive().CancelInterviewAsync(Arg.Any<CancelInterviewRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostConsultantAsync_NoConsultantYet_AssignsWithAssignConsultant()
    {
        var unassigned = Bilan(State.Requested);
        unassigned.Consultant = string.Empty;
        var client = BilanClient(unassigned);
        client.AssignConsultantAsync(Arg.Any<AssignConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Bilan(State.Requested)));
        var page = Create(client, StaffRole.Admin);
        page.ConsultantChoisi = ConsultantName;

        Assert.IsType<RedirectToPageResult>(await page.OnPostConsultantAsync(CancellationToken.None));
        _ = client.Received(1).AssignConsultantAsync(Arg.Is<AssignConsultantRequest>(r => r.Consultant == ConsultantName), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
        _ = client.DidNotReceive().ReassignConsultantAsync(Arg.Any<ReassignConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    private static Contracts.V1.Bilan Bilan(State state) => new()
    {
        Name = Name,
        Beneficiary = BeneficiaryName,
        Consultant = ConsultantName,
        State = state,
        Etag = "W/\"3\"",
        PlannedHours = 20,
        FundingSource = FundingSource.Cpf,
        WorkingTime = WorkingTime.Outside,
        PlannedStartDate = new Google.Type.Date { Year = 2027, Month = 1, Day = 11 },
        PlannedEndDate = new Google.Type.Date { Year = 2027, Month = 4, Day = 30 },
    };

    private static Interview Interview(string id, InterviewStatus status, int minutes, int held = 0) => new()
    {
        Name = $"{Name}/interviews/{id}",
        Status = status,
        DurationMinutes = minutes,
        HeldMinutes = held,
        Phase = InterviewPhase.Investigation,
        Mode = InterviewMode.OnSite,
        StartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2027, 1, 15, 9, 0, 0, TimeSpan.Zero)),
    };

    private static BilanEvent Event(BilanEventType type, State from, State to, params (string Key, string Value)[] attributes)
    {
        var bilanEvent = new BilanEvent
        {
            Name = $"{Name}/events/1",
            Type = type,
            Actor = "users/0193a3c4-0000-7000-8000-000000000001",
            PreviousState = from,
            NewState = to,
            CreateTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 27, 14, 4, 5, TimeSpan.Zero)),
        };
        foreach (var (key, value) in attributes)
        {
            bilanEvent.Attributes[key] = value;
        }

        return bilanEvent;
    }

    /// <summary>A bilan client answering GetBilan with <paramref name="bilan"/>, an empty history and an eligible verdict.</summary>
    private static BilanService.BilanServiceClient BilanClient(Contracts.V1.Bilan bilan)
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(bilan));
        client.ListBilanEventsAsync(Arg.Any<ListBilanEventsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListBilanEventsResponse()));
        client.CheckEligibilityAsync(Arg.Any<CheckEligibilityRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new CheckEligibilityResponse { Eligible = true }));
        return client;
    }

    private static DetailModel Create(
        BilanService.BilanServiceClient client, StaffRole role, InterviewService.InterviewServiceClient? interviews = null, PolicyService.PolicyServiceClient? policies = null)
    {
        var page = new DetailModel(
            client,
            interviews ?? ApiCalls.Interviews(),
            ApiCalls.Beneficiaries(new Beneficiary { Name = BeneficiaryName, GivenName = "Camille", FamilyName = "Martin" }),
            ApiCalls.Consultants(new Consultant { Name = ConsultantName, DisplayName = "Claire Dupont", Active = true }),
            policies ?? ApiCalls.Policies(),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)),
            NullLogger<DetailModel>.Instance).WithUser(role);
        page.Id = Id;
        return page;
    }
}
