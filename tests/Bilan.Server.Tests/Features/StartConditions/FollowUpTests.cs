using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Tests.Features.StartConditions;

/// <summary>The follow-up interview (R6313-4 3°): proposed at completion about 6 months later, then held or declined, then the close.</summary>
[Collection(ApiTests.Name)]
public sealed class FollowUpTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private FollowUpService.FollowUpServiceClient FollowUps => Server.FollowUpsClient();

    [Fact]
    public async Task FollowUp_ProposedAtCompletionScheduledHeld_ThenClosed()
    {
        var bilan = await CompletedBilanAsync();
        var proposed = await FollowUps.GetFollowUpAsync(new GetFollowUpRequest { Name = bilan.Name + "/followUp" });
        Assert.Equal(FollowUpState.Proposed, proposed.State);
        Assert.Equal(6, proposed.DelayMonths);
        var completion = DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(Date(completion.AddMonths(6)), proposed.ProposedDate);

        // Not before the bilan is in FOLLOW_UP.
        var early = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.ScheduleAsync(bilan.Name, InterviewPhase.FollowUp, 60, 180));
        Assert.Equal("FOLLOW_UP_INTERVIEW_NOT_YET", early.ErrorInfo().Reason);
        var notYet = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.CloseBilanAsync(new CloseBilanRequest { Name = bilan.Name }));
        Assert.Equal("FOLLOW_UP_NOT_CONCLUDED", Assert.Single(notYet.GetDetail<PreconditionFailure>()!.Violations).Type);

        await Server.Bilans.StartFollowUpAsync(new StartFollowUpRequest { Name = bilan.Name });
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.FollowUp, 60, 180);
        var scheduled = await FollowUps.GetFollowUpAsync(new GetFollowUpRequest { Name = bilan.Name + "/followUp" });
        Assert.Equal((FollowUpState.Scheduled, interview.Name), (scheduled.State, scheduled.Interview));
        await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.CloseBilanAsync(new CloseBilanRequest { Name = bilan.Name }));

        await Server.HoldAsync(interview);
        var held = await FollowUps.GetFollowUpAsync(new GetFollowUpRequest { Name = bilan.Name + "/followUp" });
        Assert.Equal(FollowUpState.Held, held.State);
        var closed = await Server.Bilans.CloseBilanAsync(new CloseBilanRequest { Name = bilan.Name });

        Assert.Equal(State.Closed, closed.State);
    }

    [Fact]
    public async Task FollowUp_Declined_ThenClosedStraightFromCompleted()
    {
        var bilan = await CompletedBilanAsync();

        var declined = await Server.DeclineFollowUpAsync(bilan.Name);
        var closed = await Server.Bilans.CloseBilanAsync(new CloseBilanRequest { Name = bilan.Name });

        Assert.Equal(FollowUpState.Declined, declined.State);
        Assert.Equal(Server.Day(), declined.DeclinedDate);
        Assert.Equal(State.Closed, closed.State);
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
        Assert.Contains(events, e => e.Type == BilanEventType.FollowUpProposed);
        Assert.Contains(events, e => e.Type == BilanEventType.FollowUpDeclined);
    }

    [Fact]
    public async Task UpdateFollowUp_DelayChanged_ProposedDateMovesAndOutOfRangeRefused()
    {
        var bilan = await CompletedBilanAsync();
        var name = bilan.Name + "/followUp";

        var updated = await FollowUps.UpdateFollowUpAsync(new UpdateFollowUpRequest { FollowUp = new FollowUp { Name = name, DelayMonths = 3 } });
        var invalid = await RpcFailure.Of(StatusCode.InvalidArgument, () => FollowUps.UpdateFollowUpAsync(
            new UpdateFollowUpRequest { FollowUp = new FollowUp { Name = name, DelayMonths = 13 } }));

        var completion = DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(Date(completion.AddMonths(3)), updated.ProposedDate);
        Assert.Equal(["follow_up.delay_months"], invalid.BadFields());
    }

    [Fact]
    public async Task DeclineFollowUp_InterviewScheduled_RefusedUntilCancelled()
    {
        var bilan = await CompletedBilanAsync();
        await Server.Bilans.StartFollowUpAsync(new StartFollowUpRequest { Name = bilan.Name });
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.FollowUp, 60, 180);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => FollowUps.DeclineFollowUpAsync(
            new DeclineFollowUpRequest { Name = bilan.Name + "/followUp", DeclinedDate = Server.Day() }));
        await Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = interview.Name });
        await Server.DeclineAndCloseAsync(bilan.Name);

        Assert.Equal("FOLLOW_UP_INTERVIEW_SCHEDULED", status.ErrorInfo().Reason);
    }

    private async Task<BilanResource> CompletedBilanAsync()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 240, 1));
        await Server.DeliverSynthesisAsync(bilan.Name);
        return await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
    }

    private static Google.Type.Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
