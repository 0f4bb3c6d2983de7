using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Bilans;

/// <summary>What many clients doing the same thing at once leave behind: one winner, no half-written state.</summary>
[Collection(ApiTests.Name)]
public sealed class ConcurrencyTests(ApiFixture fixture)
{
    private const int Clients = 32;

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task ConflictingTransitions_32AtOnce_ExactlyOneWinsAndOneEvent()
    {
        var bilan = await Server.NewAssignedBilanAsync();

        // StartBilan and CancelBilan exclude each other: both leave REQUESTED, and neither is allowed after the
        // other. Half the clients send the etag they read (the losers get ABORTED), half send none (the losers
        // get FAILED_PRECONDITION, ILLEGAL_TRANSITION).
        var calls = Enumerable.Range(0, Clients).Select(i =>
        {
            var etag = i % 4 < 2 ? bilan.Etag : "";
            return Outcome(i % 2 == 0
                ? Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name, Etag = etag }).ResponseAsync
                : Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name, Etag = etag }).ResponseAsync);
        });
        var outcomes = await Task.WhenAll(calls);

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Contains(o, new[] { StatusCode.Aborted, StatusCode.FailedPrecondition }));
        var final = await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name });
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
        var changes = events.Where(e => e.PreviousState != e.NewState).ToList();
        Assert.Equal(final.State, Assert.Single(changes).NewState);
    }

    [Fact]
    public async Task SameConsultantSlot_32BookingsAtOnce_ExactlyOneInterview()
    {
        var consultant = await Server.NewConsultantAsync();
        var bilans = new List<string>();
        for (var i = 0; i < Clients; i++)
        {
            bilans.Add((await Server.NewAssignedBilanAsync(consultant)).Name);
        }

        var slot = Timestamp.FromDateTimeOffset(Server.Clock.GetUtcNow().AddDays(30));
        var outcomes = await Task.WhenAll(bilans.Select(bilan => Outcome(Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan,
            Interview = new Interview { Phase = InterviewPhase.Preliminary, StartTime = slot, DurationMinutes = 90, Mode = InterviewMode.Remote },
        }).ResponseAsync)));

        Assert.Equal(1, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.FailedPrecondition, o));
        var booked = 0;
        foreach (var bilan in bilans)
        {
            booked += (await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan })).Interviews.Count;
        }

        Assert.Equal(1, booked);
    }

    private static async Task<StatusCode> Outcome(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }
}
