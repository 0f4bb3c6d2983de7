using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class ConsultantAssignmentTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task AssignConsultant_ActiveConsultant_SetAndRecordedInTheHistory()
    {
        var bilan = await Server.NewBilanAsync();
        var consultant = await Server.NewConsultantAsync();

        var assigned = await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name, Etag = bilan.Etag });

        Assert.Equal((consultant.Name, State.Requested), (assigned.Consultant, assigned.State));
        Assert.NotEqual(bilan.Etag, assigned.Etag);
        Assert.Equal(assigned, await GetAsync(bilan.Name));
        var assignedEvent = Assert.Single(await EventsAsync(bilan.Name), e => e.Type == BilanEventType.ConsultantAssigned);
        Assert.Equal(consultant.Name, assignedEvent.Attributes["consultant"]);
        Assert.Equal((State.Requested, State.Requested), (assignedEvent.PreviousState, assignedEvent.NewState));
    }

    [Fact]
    public async Task AssignConsultant_Twice_AlreadyAssignedAndTheFirstKept()
    {
        var first = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(first);
        var second = await Server.NewConsultantAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = second.Name,
        }));

        Assert.Equal("CONSULTANT_ALREADY_ASSIGNED", status.ErrorInfo().Reason);
        Assert.Equal(first.Name, status.ErrorInfo().Metadata["consultant"]);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task AssignConsultant_UnknownConsultant_NotFoundAndNoneAssigned()
    {
        var bilan = await Server.NewBilanAsync();
        var unknown = $"consultants/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = unknown,
        }));

        Assert.Equal(unknown, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task AssignConsultant_UnknownBilan_NotFound()
    {
        var consultant = await Server.NewConsultantAsync();
        var unknown = $"bilans/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest
        {
            Name = unknown,
            Consultant = consultant.Name,
        }));

        Assert.Equal(unknown, status.ErrorInfo().Metadata["resource_name"]);
    }

    [Theory]
    [InlineData("claire.dupont")]
    [InlineData("beneficiaries/0b5f3c52-2b0c-4f5e-9a57-6a4d0d1d7e01")]
    [InlineData("")]
    public async Task AssignConsultant_MalformedConsultant_InvalidArgumentOnConsultant(string consultant)
    {
        var bilan = await Server.NewBilanAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = consultant,
        }));

        Assert.Equal(["consultant"], status.BadFields());
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task AssignConsultant_MalformedNameAndConsultant_InvalidArgumentNamingBoth()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest
        {
            Name = "bilans/1",
            Consultant = "consultants/1",
        }));

        Assert.Equal(["name", "consultant"], status.BadFields());
    }

    [Fact]
    public async Task AssignConsultant_InactiveConsultant_ConsultantInactive()
    {
        var bilan = await Server.NewBilanAsync();
        var consultant = await InactiveConsultantAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = consultant.Name,
        }));

        Assert.Equal("CONSULTANT_INACTIVE", status.ErrorInfo().Reason);
        Assert.Contains("inactif", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task ReassignConsultant_MovesScheduledInterviewsOnlyAndRecordsThePreviousConsultant()
    {
        var previous = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(previous);
        var held = await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 1));
        var scheduled = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 2);
        var later = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 60, 3);
        var next = await Server.NewConsultantAsync("Hugo Lefèvre");
        bilan = await GetAsync(bilan.Name);

        var reassigned = await Server.Bilans.ReassignConsultantAsync(new ReassignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = next.Name,
            Etag = bilan.Etag,
        });

        Assert.Equal(next.Name, reassigned.Consultant);
        Assert.Equal(reassigned, await GetAsync(bilan.Name));
        Assert.Equal(previous.Name, (await GetInterviewAsync(held.Name)).Consultant);
        Assert.Equal(next.Name, (await GetInterviewAsync(scheduled.Name)).Consultant);
        Assert.Equal(next.Name, (await GetInterviewAsync(later.Name)).Consultant);
        Assert.Equal(InterviewStatus.Scheduled, (await GetInterviewAsync(later.Name)).Status);
        var reassignedEvent = Assert.Single(await EventsAsync(bilan.Name), e => e.Type == BilanEventType.ConsultantReassigned);
        Assert.Equal((next.Name, previous.Name), (reassignedEvent.Attributes["consultant"], reassignedEvent.Attributes["previous_consultant"]));

        // The new consultant's agenda now holds the moved slot; the previous consultant's is free again.
        var newConsultantsOtherBilan = await Server.NewAssignedBilanAsync(next);
        await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAtAsync(newConsultantsOtherBilan.Name, scheduled));
        var previousConsultantsOtherBilan = await Server.NewAssignedBilanAsync(previous);
        await ScheduleAtAsync(previousConsultantsOtherBilan.Name, scheduled);
    }

    [Fact]
    public async Task ReassignConsultant_NewConsultantBusyAtOneOfTheTimes_OverlapAndNothingChanged()
    {
        var previous = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(previous);
        var free = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 1);
        var clashing = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 2);
        var busy = await Server.NewConsultantAsync();
        var busyBilan = await Server.NewAssignedBilanAsync(busy);
        await Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = busyBilan.Name,
            Interview = new Interview
            {
                Phase = InterviewPhase.Preliminary,
                StartTime = Timestamp.FromDateTimeOffset(clashing.StartTime.ToDateTimeOffset().AddMinutes(30)),
                DurationMinutes = 60,
                Mode = InterviewMode.Remote,
            },
        });
        bilan = await GetAsync(bilan.Name);
        var eventsBefore = await EventsAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.ReassignConsultantAsync(new ReassignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = busy.Name,
        }));

        Assert.Equal("INTERVIEW_OVERLAP", status.ErrorInfo().Reason);
        Assert.Equal("consultant", status.ErrorInfo().Metadata["overlapping_with"]);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
        Assert.Equal(free, await GetInterviewAsync(free.Name));
        Assert.Equal(clashing, await GetInterviewAsync(clashing.Name));
        Assert.Equal(eventsBefore, await EventsAsync(bilan.Name));
    }

    [Fact]
    public async Task ReassignConsultant_WithoutConsultant_ConsultantNotAssigned()
    {
        var bilan = await Server.NewBilanAsync();
        var consultant = await Server.NewConsultantAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.ReassignConsultantAsync(new ReassignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = consultant.Name,
        }));

        Assert.Equal("CONSULTANT_NOT_ASSIGNED", status.ErrorInfo().Reason);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task ReassignConsultant_SameConsultant_SameConsultant()
    {
        var consultant = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(consultant);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.ReassignConsultantAsync(new ReassignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = consultant.Name,
        }));

        Assert.Equal("SAME_CONSULTANT", status.ErrorInfo().Reason);
        Assert.Equal(consultant.Name, status.ErrorInfo().Metadata["consultant"]);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task ReassignConsultant_InactiveConsultant_ConsultantInactive()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var inactive = await InactiveConsultantAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.ReassignConsultantAsync(new ReassignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = inactive.Name,
        }));

        Assert.Equal("CONSULTANT_INACTIVE", status.ErrorInfo().Reason);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task ReassignConsultant_ClosedBilan_BilanEnded()
    {
        var bilan = await ClosedBilanAsync();
        var consultant = await Server.NewConsultantAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.ReassignConsultantAsync(new ReassignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = consultant.Name,
        }));

        Assert.Equal("BILAN_ENDED", status.ErrorInfo().Reason);
        Assert.Equal("STATE_CLOSED", status.ErrorInfo().Metadata["state"]);
        Assert.Equal(bilan, await GetAsync(bilan.Name));
    }

    [Fact]
    public async Task AssignConsultant_CancelledBilanWithoutConsultant_BilanEnded()
    {
        var bilan = await Server.NewBilanAsync();
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });
        var consultant = await Server.NewConsultantAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = consultant.Name,
        }));

        Assert.Equal("BILAN_ENDED", status.ErrorInfo().Reason);
        Assert.Equal("STATE_CANCELLED", status.ErrorInfo().Metadata["state"]);
    }

    [Fact]
    public async Task ReassignConsultant_StaleEtag_AbortedAndUnchanged()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var current = await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest { Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 20 } });
        var consultant = await Server.NewConsultantAsync();

        await RpcFailure.Of(StatusCode.Aborted, () => Server.Bilans.ReassignConsultantAsync(new ReassignConsultantRequest
        {
            Name = bilan.Name,
            Consultant = consultant.Name,
            Etag = bilan.Etag,
        }));

        Assert.Equal(current, await GetAsync(bilan.Name));
    }

    private async Task<Consultant> InactiveConsultantAsync()
    {
        var consultant = await Server.NewConsultantAsync("Paul Girard");
        var inactive = await Server.Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = consultant.Name, Active = false },
            UpdateMask = new FieldMask { Paths = { "active" } },
        });
        Assert.False(inactive.Active);
        return inactive;
    }

    private async Task<BilanResource> ClosedBilanAsync()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 240, 1));
        await Server.DeliverSynthesisAsync(bilan.Name);
        await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        return await Server.DeclineAndCloseAsync(bilan.Name);
    }

    private Task<Interview> ScheduleAtAsync(string bilan, Interview slot) =>
        Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan,
            Interview = new Interview { Phase = slot.Phase, StartTime = slot.StartTime, DurationMinutes = slot.DurationMinutes, Mode = slot.Mode },
        }).ResponseAsync;

    private Task<BilanResource> GetAsync(string name) => Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = name }).ResponseAsync;

    private Task<Interview> GetInterviewAsync(string name) => Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = name }).ResponseAsync;

    private async Task<IReadOnlyList<BilanEvent>> EventsAsync(string bilan) =>
        (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan, PageSize = 200 })).Events;
}
