using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Google.Type;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class TransitionTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Theory]
    [InlineData("StartInvestigation", State.Requested, "StartBilan,CancelBilan")]
    [InlineData("AbandonBilan", State.Requested, "StartBilan,CancelBilan")]
    [InlineData("CompleteBilan", State.Preliminary, "StartInvestigation,AbandonBilan")]
    [InlineData("StartBilan", State.Preliminary, "StartInvestigation,AbandonBilan")]
    [InlineData("CancelBilan", State.Investigation, "StartConclusion,AbandonBilan")]
    [InlineData("StartFollowUp", State.Conclusion, "CompleteBilan,AbandonBilan")]
    [InlineData("CompleteBilan", State.Completed, "StartFollowUp,CloseBilan,AbandonBilan")]
    [InlineData("StartFollowUp", State.FollowUp, "CloseBilan,AbandonBilan")]
    [InlineData("StartBilan", State.Closed, "")]
    [InlineData("AbandonBilan", State.Abandoned, "")]
    [InlineData("StartBilan", State.Cancelled, "")]
    public async Task Transition_NotAllowedInTheState_IllegalTransitionNamingStateAndAllowedMethods(string method, State state, string allowed)
    {
        var bilan = await InStateAsync(state);
        var eventsBefore = await EventsAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => CallAsync(method, bilan.Name));

        var info = status.ErrorInfo();
        Assert.Equal("ILLEGAL_TRANSITION", info.Reason);
        Assert.Equal("bilan.v1", info.Domain);
        Assert.Equal($"STATE_{StateSuffix(state)}", info.Metadata["state"]);
        Assert.Equal(allowed, info.Metadata["allowed_transitions"]);
        Assert.Equal(method, info.Metadata["transition"]);
        Assert.StartsWith("Cette action n'est pas possible", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
        Assert.Equal(eventsBefore, await EventsAsync(bilan.Name));
    }

    [Fact]
    public async Task StartBilan_WithoutConsultant_ConditionsNotMetNamingTheConsultant()
    {
        var bilan = await Server.NewBilanAsync();
        await Server.RecordConsentAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));

        var info = status.ErrorInfo();
        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", info.Reason);
        Assert.Equal(("STATE_REQUESTED", "StartBilan", "CONSULTANT_REQUIRED"), (info.Metadata["state"], info.Metadata["transition"], info.Metadata["conditions"]));
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("CONSULTANT_REQUIRED", "consultant"), (violation.Type, violation.Subject));
        Assert.Contains("consultant", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task StartBilan_DuringACurrentMaternityLeave_RefusedNamingTheSituationAndItsDates()
    {
        var today = DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime);
        var from = today.AddDays(-10);
        var to = today.AddDays(30);
        var request = Requests.JobSeeker();
        request.Situations.Add(new SituationPeriod { Kind = SituationKind.MaternityLeave, StartDate = DateOf(from), EndDate = DateOf(to) });
        request.Situations.Add(new SituationPeriod { Kind = SituationKind.ParentalLeave, StartDate = DateOf(today.AddDays(-200)) });
        var beneficiary = await Server.Beneficiaries.CreateAsync(request);
        var bilan = await AssignedBilanOfAsync(beneficiary.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", status.ErrorInfo().Reason);
        Assert.Equal("SITUATION_FORBIDS_BILAN", status.ErrorInfo().Metadata["conditions"]);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("SITUATION_FORBIDS_BILAN", "situations[0]"), (violation.Type, violation.Subject));
        Assert.Contains("congé maternité", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Contains($"du {French(from)} au {French(to)}", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Contains($"from {Iso(from)} to {Iso(to)}", status.Message, StringComparison.Ordinal);
        Assert.Equal(State.Requested, (await GetAsync(bilan.Name)).State);
    }

    [Fact]
    public async Task StartConclusion_WithoutAHeldInvestigationInterview_ConditionsNotMet()
    {
        var bilan = await InStateAsync(State.Investigation);
        await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 120, 1);
        bilan = await GetAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartConclusionAsync(new StartConclusionRequest { Name = bilan.Name }));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", status.ErrorInfo().Reason);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("HELD_INVESTIGATION_INTERVIEW_REQUIRED", "interviews"), (violation.Type, violation.Subject));
        Assert.Contains("Aucun entretien d'investigation", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task CompleteBilan_HeldConclusionButUnderThirteenHours_MinimumHeldHoursThenCompletesAtThirteen()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 60, 1));
        await Server.DeliverSynthesisAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name }));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", status.ErrorInfo().Reason);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("MINIMUM_HELD_HOURS", "interviews"), (violation.Type, violation.Subject));
        Assert.Contains("10 h réalisées", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Contains("13 h", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Equal(State.Conclusion, (await GetAsync(bilan.Name)).State);

        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 180, 1));
        var completed = await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        Assert.Equal(State.Completed, completed.State);
    }

    [Fact]
    public async Task CompleteBilan_ThirteenHoursHeldButNoConclusionInterview_HeldConclusionInterviewRequired()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 420, 1));
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        await Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 420, 1));
        await Server.Bilans.StartConclusionAsync(new StartConclusionRequest { Name = bilan.Name });
        await Server.DeliverSynthesisAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name }));

        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("HELD_CONCLUSION_INTERVIEW_REQUIRED", "interviews"), (violation.Type, violation.Subject));
    }

    [Fact]
    public async Task Transition_StaleEtag_AbortedAndStateUnchanged()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var current = await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest { Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 20 } });

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name, Etag = bilan.Etag }));

        Assert.Equal("ETAG_MISMATCH", status.ErrorInfo().Reason);
        Assert.Equal(bilan.Name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal(current, await GetAsync(bilan.Name));

        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name, Etag = current.Etag });
        Assert.Equal(State.Preliminary, started.State);
        Assert.NotEqual(current.Etag, started.Etag);
    }

    [Fact]
    public async Task Transition_RetriedWithTheSameRequestId_SameAnswerAndOneEvent()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var request = new StartBilanRequest { Name = bilan.Name, Etag = bilan.Etag, RequestId = Guid.NewGuid().ToString() };

        var first = await Server.Bilans.StartBilanAsync(request);
        var retry = await Server.Bilans.StartBilanAsync(request);
        await Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
        var lateRetry = await Server.Bilans.StartBilanAsync(request);

        Assert.Equal(State.Preliminary, first.State);
        Assert.Equal(first, retry);
        Assert.Equal(first, lateRetry);
        Assert.Equal(State.Investigation, (await GetAsync(bilan.Name)).State);
        var started = Assert.Single(await EventsAsync(bilan.Name), e => e.Type == BilanEventType.Started);
        Assert.Equal((State.Requested, State.Preliminary), (started.PreviousState, started.NewState));
    }

    [Fact]
    public async Task Transition_RequestIdOfAnotherMethod_InvalidArgumentAndNothingChanged()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var requestId = Guid.NewGuid().ToString();
        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name, RequestId = requestId });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest
        {
            Name = bilan.Name,
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal(started, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task AbandonBilan_WithoutReason_InvalidArgumentOnReason()
    {
        var bilan = await InStateAsync(State.Preliminary);

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.AbandonBilanAsync(new AbandonBilanRequest { Name = bilan.Name }));

        Assert.Equal(["reason"], status.BadFields());
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task AbandonBilan_FromInvestigation_AbandonedWithReasonAndScheduledInterviewsCancelled()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var held = await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 120, 1));
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        await Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
        var first = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 120, 1);
        var second = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 120, 2);

        var abandoned = await Server.Bilans.AbandonBilanAsync(new AbandonBilanRequest { Name = bilan.Name, Reason = AbandonReason.Health });

        Assert.Equal((State.Abandoned, AbandonReason.Health), (abandoned.State, abandoned.AbandonReason));
        Assert.Equal(abandoned, await GetAsync(bilan.Name));
        Assert.Equal(held, await GetInterviewAsync(held.Name));
        Assert.Equal(InterviewStatus.Cancelled, (await GetInterviewAsync(first.Name)).Status);
        Assert.Equal(InterviewStatus.Cancelled, (await GetInterviewAsync(second.Name)).Status);
        var events = await EventsAsync(bilan.Name);
        var abandon = Assert.Single(events, e => e.Type == BilanEventType.Abandoned);
        Assert.Equal((State.Investigation, State.Abandoned), (abandon.PreviousState, abandon.NewState));
        Assert.Equal("ABANDON_REASON_HEALTH", abandon.Attributes["reason"]);
        Assert.Equal(
            new[] { first.Name, second.Name }.Order(),
            events.Where(e => e.Type == BilanEventType.InterviewCancelled).Select(e => e.Attributes["interview"]).Order());
    }

    [Fact]
    public async Task CancelBilan_Requested_CancelledWithItsScheduledInterviewsWhoseSlotsAreFreed()
    {
        var consultant = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(consultant);
        var first = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 90, 1);
        var second = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 90, 2);

        var cancelled = await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name, Etag = bilan.Etag });

        Assert.Equal(State.Cancelled, cancelled.State);
        Assert.Equal(AbandonReason.Unspecified, cancelled.AbandonReason);
        Assert.Equal(cancelled, await GetAsync(bilan.Name));
        var interviews = (await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name })).Interviews;
        Assert.Equal([first.Name, second.Name], interviews.Select(i => i.Name));
        Assert.All(interviews, i => Assert.Equal(InterviewStatus.Cancelled, i.Status));
        var cancelEvent = Assert.Single(await EventsAsync(bilan.Name), e => e.Type == BilanEventType.Cancelled);
        Assert.Equal((State.Requested, State.Cancelled), (cancelEvent.PreviousState, cancelEvent.NewState));

        var other = await Server.NewAssignedBilanAsync(consultant);
        await Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = other.Name,
            Interview = new Interview { Phase = first.Phase, StartTime = first.StartTime, DurationMinutes = first.DurationMinutes, Mode = first.Mode },
        });
    }

    [Fact]
    public async Task DeleteBilan_Cancelled_GoneWithItsInterviews()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 1);
        var cancelled = await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });

        await Server.Bilans.DeleteBilanAsync(new DeleteBilanRequest { Name = bilan.Name, Etag = cancelled.Etag });

        await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name }));
        await RpcFailure.Of(StatusCode.NotFound, () => Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = interview.Name }));
    }

    [Fact]
    public async Task Transition_UnknownBilan_NotFound()
    {
        var name = $"bilans/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = name }));

        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
    }

    [Fact]
    public async Task Transition_MalformedName_InvalidArgumentOnName()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.CloseBilanAsync(new CloseBilanRequest { Name = "bilans/42" }));

        Assert.Equal(["name"], status.BadFields());
    }

    /// <summary>A new bilan with a consultant, brought to <paramref name="state"/> through the API.</summary>
    private async Task<BilanResource> InStateAsync(State state)
    {
        var bilan = await Server.NewAssignedBilanAsync();
        switch (state)
        {
            case State.Requested:
                return bilan;
            case State.Cancelled:
                return await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });
            case State.Preliminary:
                return await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
            case State.Abandoned:
                await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
                return await Server.Bilans.AbandonBilanAsync(new AbandonBilanRequest { Name = bilan.Name, Reason = AbandonReason.Personal });
            case State.Investigation:
                await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
                return await Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
            case State.Conclusion:
                return await Server.ToConclusionAsync(bilan);
            default:
                break;
        }

        await Server.ToConclusionAsync(bilan);
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 240, 1));
        await Server.DeliverSynthesisAsync(bilan.Name);
        var completed = await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        return state switch
        {
            State.Completed => completed,
            State.FollowUp => await Server.Bilans.StartFollowUpAsync(new StartFollowUpRequest { Name = bilan.Name }),
            State.Closed => await Server.DeclineAndCloseAsync(bilan.Name),
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No journey to this state."),
        };
    }

    private Task<BilanResource> CallAsync(string method, string name) => method switch
    {
        "StartBilan" => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = name }).ResponseAsync,
        "StartInvestigation" => Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = name }).ResponseAsync,
        "StartConclusion" => Server.Bilans.StartConclusionAsync(new StartConclusionRequest { Name = name }).ResponseAsync,
        "CompleteBilan" => Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = name }).ResponseAsync,
        "StartFollowUp" => Server.Bilans.StartFollowUpAsync(new StartFollowUpRequest { Name = name }).ResponseAsync,
        "CloseBilan" => Server.Bilans.CloseBilanAsync(new CloseBilanRequest { Name = name }).ResponseAsync,
        "CancelBilan" => Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = name }).ResponseAsync,
        "AbandonBilan" => Server.Bilans.AbandonBilanAsync(new AbandonBilanRequest { Name = name, Reason = AbandonReason.Personal }).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a transition."),
    };

    private static string StateSuffix(State state) => state switch
    {
        State.FollowUp => "FOLLOW_UP",
        _ => state.ToString().ToUpperInvariant(),
    };

    private async Task<BilanResource> AssignedBilanOfAsync(string beneficiary)
    {
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary) });
        var consultant = await Server.NewConsultantAsync();
        var assigned = await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        await Server.RecordConsentAsync(bilan.Name);
        return assigned;
    }

    private Task<BilanResource> GetAsync(string name) => Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = name }).ResponseAsync;

    private Task<Interview> GetInterviewAsync(string name) => Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = name }).ResponseAsync;

    private async Task<IReadOnlyList<BilanEvent>> EventsAsync(string bilan) =>
        (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan, PageSize = 200 })).Events;

    private static Date DateOf(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string French(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
