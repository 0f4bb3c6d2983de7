using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class ListBilanEventsTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task ListBilanEvents_OfAStartedBilan_OldestFirstWithTypeActorStatesAndAttributes()
    {
        var bilan = await Server.NewBilanAsync();
        await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 20, FundingSource = FundingSource.Personal },
            UpdateMask = new FieldMask { Paths = { "planned_hours", "funding_source" } },
        });
        var consultant = await Server.NewConsultantAsync();
        await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 90, 1);
        await Server.RecordConsentAsync(bilan.Name);
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });

        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events;

        Assert.Equal(
            [
                (BilanEventType.Created, State.Requested, State.Requested),
                (BilanEventType.Updated, State.Requested, State.Requested),
                (BilanEventType.ConsultantAssigned, State.Requested, State.Requested),
                (BilanEventType.InterviewScheduled, State.Requested, State.Requested),
                (BilanEventType.BilanConsentRecorded, State.Requested, State.Requested),
                (BilanEventType.Started, State.Requested, State.Preliminary),
            ],
            events.Select(e => (e.Type, e.PreviousState, e.NewState)));
        // Every change was made by the test administrator, whose user the history names.
        Assert.All(events, e => Assert.Matches("^users/[0-9a-f-]{36}$", e.Actor));
        Assert.Single(events.Select(e => e.Actor).Distinct());
        Assert.All(events, e => Assert.Matches($"^{bilan.Name}/events/[0-9]+$", e.Name));
        Assert.Equal(events.Select(e => EventId(e.Name)).Order(), events.Select(e => EventId(e.Name)));
        Assert.Equal(events.Select(e => e.CreateTime.ToDateTimeOffset()).Order(), events.Select(e => e.CreateTime.ToDateTimeOffset()));
        Assert.Equal(bilan.CreateTime, events[0].CreateTime);
        Assert.Empty(events[0].Attributes);
        Assert.Equal("funding_source,planned_hours", events[1].Attributes["fields"]);
        Assert.Equal(consultant.Name, Assert.Single(events[2].Attributes).Value);
        var scheduled = events[3].Attributes;
        Assert.Equal(
            (interview.Name, "INTERVIEW_PHASE_PRELIMINARY", "90"),
            (scheduled["interview"], scheduled["phase"], scheduled["duration_minutes"]));
        Assert.Equal(interview.StartTime.ToDateTimeOffset(), DateTimeOffset.Parse(scheduled["start_time"], CultureInfo.InvariantCulture));
        Assert.Empty(events[5].Attributes);
    }

    [Fact]
    public async Task ListBilanEvents_InterviewChanges_RecordedWithTheirAttributes()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var moved = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 1);
        var cancelled = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 2);
        var missed = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 3);
        moved = await Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = moved.Name,
            StartTime = Timestamp.FromDateTimeOffset(moved.StartTime.ToDateTimeOffset().AddHours(2)),
            DurationMinutes = 45,
        });
        await Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = cancelled.Name });
        await Server.HoldAsync(moved);
        Server.Clock.SetUtcNow(missed.StartTime.ToDateTimeOffset().AddMinutes(10));
        await Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest { Name = missed.Name, Outcome = InterviewStatus.Missed });

        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events.Skip(6).ToList();

        Assert.Equal(
            [BilanEventType.InterviewRescheduled, BilanEventType.InterviewCancelled, BilanEventType.InterviewHeld, BilanEventType.InterviewMissed],
            events.Select(e => e.Type));
        Assert.Equal((moved.Name, "45"), (events[0].Attributes["interview"], events[0].Attributes["duration_minutes"]));
        Assert.Equal(moved.StartTime.ToDateTimeOffset(), DateTimeOffset.Parse(events[0].Attributes["start_time"], CultureInfo.InvariantCulture));
        Assert.Equal(cancelled.Name, Assert.Single(events[1].Attributes).Value);
        Assert.Equal((moved.Name, "45"), (events[2].Attributes["interview"], events[2].Attributes["held_minutes"]));
        Assert.Equal(missed.Name, Assert.Single(events[3].Attributes).Value);
        Assert.All(events, e => Assert.Equal((State.Requested, State.Requested), (e.PreviousState, e.NewState)));
    }

    [Fact]
    public async Task ListBilanEvents_PagedByTwo_EveryEventOnceInOrder()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        for (var day = 1; day <= 4; day++)
        {
            await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 30, day);
        }

        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        var all = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events;

        var seen = new List<BilanEvent>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 2, PageToken = token });
            Assert.True(page.Events.Count <= 2);
            seen.AddRange(page.Events);
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(8, all.Count);
        Assert.Equal(all, seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task ListBilanEvents_TokenOfAnotherBilan_InvalidArgumentOnPageToken()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var other = await Server.NewAssignedBilanAsync();
        var first = await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 1 });
        Assert.NotEmpty(first.NextPageToken);

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest
        {
            Parent = other.Name,
            PageSize = 1,
            PageToken = first.NextPageToken,
        }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Fact]
    public async Task ListBilanEvents_MalformedTokenAndNegativePageSize_InvalidArgument()
    {
        var bilan = await Server.NewBilanAsync();

        var token = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest
        {
            Parent = bilan.Name,
            PageToken = "not-a-token",
        }));
        var size = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest
        {
            Parent = bilan.Name,
            PageSize = -1,
        }));

        Assert.Equal(["page_token"], token.BadFields());
        Assert.Equal(["page_size"], size.BadFields());
    }

    [Fact]
    public async Task ListBilanEvents_UnknownBilan_NotFound()
    {
        var name = $"bilans/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = name }));

        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
    }

    [Fact]
    public async Task ListBilanEvents_MalformedParent_InvalidArgumentOnParent()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = "bilans/x" }));

        Assert.Equal(["parent"], status.BadFields());
    }

    [Fact]
    public async Task ListBilanEvents_DeletedBilan_EventsGone()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        Assert.NotEmpty((await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events);

        await Server.Bilans.DeleteBilanAsync(new DeleteBilanRequest { Name = bilan.Name });

        await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name }));
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM bilan_events WHERE bilan_id = '{bilan.Name["bilans/".Length..]}'"));
    }

    private static long EventId(string name) => long.Parse(name[(name.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
}
