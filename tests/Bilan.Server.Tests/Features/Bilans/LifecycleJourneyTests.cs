using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Tests.Features.Bilans;

/// <summary>A bilan's whole life through the API, as a consultant lives it, and its history read back.</summary>
[Collection(ApiTests.Name)]
public sealed class LifecycleJourneyTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Bilan_FromRequestedToClosedWithInterviewsInEachPhase_HistoryInOrder()
    {
        var consultant = await Server.NewConsultantAsync("Marc Lefebvre");
        var bilan = await Server.NewBilanAsync();
        bilan = await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name, Etag = bilan.Etag });

        var preliminary = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 120, 3);
        await Server.RecordConsentAsync(bilan.Name);
        bilan = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name, Etag = bilan.Etag });
        await Server.HoldAsync(preliminary);
        bilan = await Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
        var investigation1 = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 240, 7);
        var investigation2 = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 240, 14);
        await Server.HoldAsync(investigation1);
        await Server.HoldAsync(investigation2);
        bilan = await Server.Bilans.StartConclusionAsync(new StartConclusionRequest { Name = bilan.Name });
        var conclusion = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 240, 7);
        await Server.HoldAsync(conclusion);
        await Server.DeliverSynthesisAsync(bilan.Name);
        bilan = await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        bilan = await Server.Bilans.StartFollowUpAsync(new StartFollowUpRequest { Name = bilan.Name });
        // The follow-up interview proposed at completion (R6313-4 3°), held about 6 months later, then the close.
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.FollowUp, 60, 180));
        bilan = await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name });
        bilan = await Server.Bilans.CloseBilanAsync(new CloseBilanRequest { Name = bilan.Name, Etag = bilan.Etag });

        Assert.Equal(State.Closed, bilan.State);
        Assert.Equal(consultant.Name, bilan.Consultant);
        var interviews = (await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name })).Interviews;
        Assert.Equal([120, 240, 240, 240, 60], interviews.Select(i => i.HeldMinutes));
        Assert.All(interviews, i => Assert.Equal(InterviewStatus.Held, i.Status));

        var events = await AllEventsAsync(bilan.Name);
        Assert.Equal(
            [
                (BilanEventType.Created, State.Requested, State.Requested),
                (BilanEventType.ConsultantAssigned, State.Requested, State.Requested),
                (BilanEventType.InterviewScheduled, State.Requested, State.Requested),
                (BilanEventType.BilanConsentRecorded, State.Requested, State.Requested),
                (BilanEventType.Started, State.Requested, State.Preliminary),
                (BilanEventType.InterviewHeld, State.Preliminary, State.Preliminary),
                (BilanEventType.InvestigationStarted, State.Preliminary, State.Investigation),
                (BilanEventType.InterviewScheduled, State.Investigation, State.Investigation),
                (BilanEventType.InterviewScheduled, State.Investigation, State.Investigation),
                (BilanEventType.InterviewHeld, State.Investigation, State.Investigation),
                (BilanEventType.InterviewHeld, State.Investigation, State.Investigation),
                (BilanEventType.ConclusionStarted, State.Investigation, State.Conclusion),
                (BilanEventType.InterviewScheduled, State.Conclusion, State.Conclusion),
                (BilanEventType.InterviewHeld, State.Conclusion, State.Conclusion),
                (BilanEventType.SynthesisUpdated, State.Conclusion, State.Conclusion),
                (BilanEventType.SynthesisDelivered, State.Conclusion, State.Conclusion),
                (BilanEventType.Completed, State.Conclusion, State.Completed),
                (BilanEventType.FollowUpProposed, State.Completed, State.Completed),
                (BilanEventType.FollowUpStarted, State.Completed, State.FollowUp),
                (BilanEventType.InterviewScheduled, State.FollowUp, State.FollowUp),
                (BilanEventType.InterviewHeld, State.FollowUp, State.FollowUp),
                (BilanEventType.Closed, State.FollowUp, State.Closed),
                // R6313-7: the working documents are destroyed at closing; the event says so, without content.
                (BilanEventType.DocumentsDestroyed, State.Closed, State.Closed),
            ],
            events.Select(e => (e.Type, e.PreviousState, e.NewState)));
        Assert.Equal(events.OrderBy(e => e.CreateTime).Select(e => e.Name), events.Select(e => e.Name));
        Assert.Equal(conclusion.Name, events[13].Attributes["interview"]);
        Assert.Equal("240", events[13].Attributes["held_minutes"]);
    }

    [Fact]
    public async Task Bilan_AbandonedDuringInvestigation_ScheduledInterviewsCancelledAndReasonKept()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 1));
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        await Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
        var planned = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 120, 10);

        bilan = await Server.Bilans.AbandonBilanAsync(new AbandonBilanRequest { Name = bilan.Name, Reason = AbandonReason.NewJobOrTraining });

        Assert.Equal((State.Abandoned, AbandonReason.NewJobOrTraining), (bilan.State, bilan.AbandonReason));
        Assert.Equal(InterviewStatus.Cancelled, (await Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = planned.Name })).Status);
        var events = await AllEventsAsync(bilan.Name);
        var abandoned = Assert.Single(events, e => e.Type == BilanEventType.Abandoned);
        Assert.Equal("ABANDON_REASON_NEW_JOB_OR_TRAINING", abandoned.Attributes["reason"]);
        Assert.Equal(planned.Name, events[^1].Attributes["interview"]);
    }

    private async Task<List<BilanEvent>> AllEventsAsync(string bilanName)
    {
        var events = new List<BilanEvent>();
        var token = "";
        do
        {
            var page = await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilanName, PageSize = 5, PageToken = token });
            events.AddRange(page.Events);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return events;
    }
}
