using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Interviews;

[Collection(ApiTests.Name)]
public sealed class InterviewChangesTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task RescheduleInterview_ToAnotherDayWithItsEtag_MovedAndReadableBack()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        var newStart = At(2, 14);

        var moved = await Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = interview.Name,
            StartTime = newStart,
            DurationMinutes = 90,
            Mode = InterviewMode.Remote,
            Etag = interview.Etag,
        });

        Assert.Equal(
            (interview.Name, newStart, 90, InterviewMode.Remote, InterviewStatus.Scheduled, interview.Phase, interview.Consultant),
            (moved.Name, moved.StartTime, moved.DurationMinutes, moved.Mode, moved.Status, moved.Phase, moved.Consultant));
        Assert.NotEqual(interview.Etag, moved.Etag);
        Assert.Equal(interview.CreateTime, moved.CreateTime);
        Assert.True(moved.UpdateTime.ToDateTimeOffset() > interview.UpdateTime.ToDateTimeOffset());
        Assert.Equal(moved, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task RescheduleInterview_ModeUnspecifiedAndOverlappingItsOwnSlot_KeepsTheModeAndMoves()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        var halfAnHourLater = Timestamp.FromDateTimeOffset(interview.StartTime.ToDateTimeOffset().AddMinutes(30));

        var moved = await Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = interview.Name,
            StartTime = halfAnHourLater,
            DurationMinutes = 60,
        });

        Assert.Equal((halfAnHourLater, InterviewMode.OnSite), (moved.StartTime, moved.Mode));
    }

    [Fact]
    public async Task RescheduleInterview_OntoTheConsultantsOtherInterview_OverlapAndUnchanged()
    {
        var consultant = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(consultant);
        var other = await Server.NewAssignedBilanAsync(consultant);
        await ScheduleAsync(other.Name, At(3, 10), 60);
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = interview.Name,
            StartTime = At(3, 10, 30),
            DurationMinutes = 60,
        }).ResponseAsync);

        Assert.Equal("INTERVIEW_OVERLAP", status.ErrorInfo().Reason);
        Assert.Equal("consultant", status.ErrorInfo().Metadata["overlapping_with"]);
        Assert.Equal(interview, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task RescheduleInterview_LongerBeyondTwentyFourHours_PlannedHoursExceededAndUnchanged()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        await ScheduleAsync(bilan.Name, At(1, 8), 480);
        await ScheduleAsync(bilan.Name, At(2, 8), 480);
        await ScheduleAsync(bilan.Name, At(3, 8), 420);
        var last = await ScheduleAsync(bilan.Name, At(4, 8), 60);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = last.Name,
            StartTime = last.StartTime,
            DurationMinutes = 75,
        }).ResponseAsync);

        Assert.Equal("PLANNED_HOURS_EXCEEDED", status.ErrorInfo().Reason);
        Assert.Equal(("1455", "L6313-4"), (status.ErrorInfo().Metadata["planned_minutes"], status.ErrorInfo().Metadata["article"]));
        Assert.Equal(last, await GetAsync(last.Name));

        // Moving it at the same length does not count it twice.
        var dayAfter = Timestamp.FromDateTimeOffset(last.StartTime.ToDateTimeOffset().AddDays(1));
        var moved = await Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest { Name = last.Name, StartTime = dayAfter, DurationMinutes = 60 });
        Assert.Equal(dayAfter, moved.StartTime);
    }

    [Fact]
    public async Task RescheduleInterview_StaleEtag_AbortedAndUnchanged()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        var current = await Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = interview.Name,
            StartTime = At(1, 14),
            DurationMinutes = 60,
        });

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = interview.Name,
            StartTime = At(2, 10),
            DurationMinutes = 60,
            Etag = interview.Etag,
        }).ResponseAsync);

        Assert.Equal("ETAG_MISMATCH", status.ErrorInfo().Reason);
        Assert.Equal(interview.Name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal(current, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task RescheduleInterview_Cancelled_InterviewNotScheduled()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        var cancelled = await Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = interview.Name });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = interview.Name,
            StartTime = At(2, 10),
            DurationMinutes = 60,
        }).ResponseAsync);

        Assert.Equal("INTERVIEW_NOT_SCHEDULED", status.ErrorInfo().Reason);
        Assert.Equal("INTERVIEW_STATUS_CANCELLED", status.ErrorInfo().Metadata["interview_status"]);
        Assert.Equal(cancelled, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task RescheduleInterview_Held_InterviewNotScheduled()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var held = await Server.HoldAsync(await ScheduleAsync(bilan.Name, At(1, 10), 60));

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = held.Name,
            StartTime = At(2, 10),
            DurationMinutes = 60,
        }).ResponseAsync);

        Assert.Equal("INTERVIEW_NOT_SCHEDULED", status.ErrorInfo().Reason);
        Assert.Equal("INTERVIEW_STATUS_HELD", status.ErrorInfo().Metadata["interview_status"]);
    }

    [Fact]
    public async Task RescheduleInterview_NoStartAndBadDuration_InvalidArgumentNamingBoth()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest
        {
            Name = interview.Name,
            DurationMinutes = 5,
        }).ResponseAsync);

        Assert.Equal(["start_time", "duration_minutes"], status.BadFields());
        Assert.Equal(interview, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task CancelInterview_Scheduled_CancelledStillListedAndItsSlotFree()
    {
        var consultant = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(consultant);
        var other = await Server.NewAssignedBilanAsync(consultant);
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);

        var cancelled = await Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = interview.Name, Etag = interview.Etag });
        var rebooked = await ScheduleAsync(other.Name, At(1, 10), 60);

        Assert.Equal(InterviewStatus.Cancelled, cancelled.Status);
        Assert.Equal((interview.StartTime, interview.DurationMinutes), (cancelled.StartTime, cancelled.DurationMinutes));
        Assert.NotEqual(interview.Etag, cancelled.Etag);
        Assert.Equal(cancelled, Assert.Single((await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name })).Interviews));
        Assert.Equal((InterviewStatus.Scheduled, consultant.Name), (rebooked.Status, rebooked.Consultant));
    }

    [Fact]
    public async Task CancelInterview_Twice_InterviewNotScheduled()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        var cancelled = await Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = interview.Name });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = interview.Name }));

        Assert.Equal("INTERVIEW_NOT_SCHEDULED", status.ErrorInfo().Reason);
        Assert.Equal(cancelled, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task CancelInterview_StaleEtag_AbortedAndStillScheduled()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        var moved = await Server.Interviews.RescheduleInterviewAsync(new RescheduleInterviewRequest { Name = interview.Name, StartTime = At(1, 11), DurationMinutes = 60 });

        await RpcFailure.Of(StatusCode.Aborted, () => Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = interview.Name, Etag = interview.Etag }));

        Assert.Equal(moved, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task RecordInterviewOutcome_HeldBeforeItStarts_NotBegunAndStillScheduled()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = interview.Name,
            Outcome = InterviewStatus.Held,
            HeldMinutes = 60,
        }));

        Assert.Equal("INTERVIEW_NOT_BEGUN", status.ErrorInfo().Reason);
        Assert.Equal(interview.StartTime.ToDateTimeOffset(), DateTimeOffset.Parse(status.ErrorInfo().Metadata["start_time"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(interview, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task RecordInterviewOutcome_HeldOnceBegun_HeldWithItsActualMinutes()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        Server.Clock.SetUtcNow(interview.StartTime.ToDateTimeOffset().AddMinutes(1));

        var held = await Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = interview.Name,
            Outcome = InterviewStatus.Held,
            HeldMinutes = 50,
            Etag = interview.Etag,
        });

        Assert.Equal((InterviewStatus.Held, 50, 60), (held.Status, held.HeldMinutes, held.DurationMinutes));
        Assert.Equal(held, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task RecordInterviewOutcome_MissedWithoutMinutes_Missed()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        Server.Clock.SetUtcNow(interview.StartTime.ToDateTimeOffset().AddMinutes(20));

        var missed = await Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = interview.Name,
            Outcome = InterviewStatus.Missed,
        });

        Assert.Equal((InterviewStatus.Missed, 0), (missed.Status, missed.HeldMinutes));
        Assert.Equal(missed, await GetAsync(interview.Name));
    }

    [Fact]
    public async Task RecordInterviewOutcome_MissedWithMinutes_InvalidArgumentOnHeldMinutes()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        Server.Clock.SetUtcNow(interview.StartTime.ToDateTimeOffset().AddMinutes(61));

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = interview.Name,
            Outcome = InterviewStatus.Missed,
            HeldMinutes = 30,
        }));

        Assert.Equal(["held_minutes"], status.BadFields());
        Assert.Equal(interview, await GetAsync(interview.Name));
    }

    [Theory]
    [InlineData(InterviewStatus.Scheduled, 0)]
    [InlineData(InterviewStatus.Cancelled, 0)]
    [InlineData(InterviewStatus.Unspecified, 60)]
    public async Task RecordInterviewOutcome_NotHeldNorMissed_InvalidArgumentOnOutcome(InterviewStatus outcome, int minutes)
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        Server.Clock.SetUtcNow(interview.StartTime.ToDateTimeOffset().AddMinutes(61));

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = interview.Name,
            Outcome = outcome,
            HeldMinutes = minutes,
        }));

        Assert.Equal(["outcome"], status.BadFields());
        Assert.Equal(interview, await GetAsync(interview.Name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(481)]
    public async Task RecordInterviewOutcome_HeldWithMinutesOutOfRange_InvalidArgumentOnHeldMinutes(int minutes)
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        Server.Clock.SetUtcNow(interview.StartTime.ToDateTimeOffset().AddMinutes(61));

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = interview.Name,
            Outcome = InterviewStatus.Held,
            HeldMinutes = minutes,
        }));

        Assert.Equal(["held_minutes"], status.BadFields());
    }

    [Fact]
    public async Task RecordInterviewOutcome_HeldTotalAboveTwentyFourHours_HeldHoursExceeded()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var first = await ScheduleAsync(bilan.Name, At(1, 8), 450);
        var second = await ScheduleAsync(bilan.Name, At(2, 8), 450);
        var third = await ScheduleAsync(bilan.Name, At(3, 8), 450);
        var last = await ScheduleAsync(bilan.Name, At(4, 8), 90);
        foreach (var interview in new[] { first, second, third })
        {
            await RecordHeldAsync(interview, 480);
        }

        Server.Clock.SetUtcNow(last.StartTime.ToDateTimeOffset().AddMinutes(90));
        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = last.Name,
            Outcome = InterviewStatus.Held,
            HeldMinutes = 15,
        }));

        Assert.Equal("HELD_HOURS_EXCEEDED", status.ErrorInfo().Reason);
        Assert.Equal(("1455", "L6313-4"), (status.ErrorInfo().Metadata["held_minutes"], status.ErrorInfo().Metadata["article"]));
        Assert.Contains("L6313-4", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Equal(InterviewStatus.Scheduled, (await GetAsync(last.Name)).Status);

        // Recording it as missed takes no hours.
        var missed = await Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest { Name = last.Name, Outcome = InterviewStatus.Missed });
        Assert.Equal(InterviewStatus.Missed, missed.Status);
    }

    [Fact]
    public async Task RecordInterviewOutcome_Twice_InterviewNotScheduled()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var held = await Server.HoldAsync(await ScheduleAsync(bilan.Name, At(1, 10), 60));

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = held.Name,
            Outcome = InterviewStatus.Missed,
        }));

        Assert.Equal("INTERVIEW_NOT_SCHEDULED", status.ErrorInfo().Reason);
        Assert.Equal(held, await GetAsync(held.Name));
    }

    [Fact]
    public async Task GetInterview_UnknownId_NotFound()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var name = $"{bilan.Name}/interviews/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = name }));

        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
    }

    [Theory]
    [InlineData("bilans/x/interviews/y")]
    [InlineData("interviews/0b5f3c52-2b0c-4f5e-9a57-6a4d0d1d7e01")]
    [InlineData("bilans/0b5f3c52-2b0c-4f5e-9a57-6a4d0d1d7e01")]
    [InlineData("bilans/0b5f3c52-2b0c-4f5e-9a57-6a4d0d1d7e01/interviews/0B5F3C52-2B0C-4F5E-9A57-6A4D0D1D7E01")]
    [InlineData("")]
    public async Task GetInterview_MalformedName_InvalidArgumentOnName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = name }));

        Assert.Equal(["name"], status.BadFields());
    }

    [Fact]
    public async Task GetInterview_UnderAnotherBilan_NotFound()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var other = await Server.NewAssignedBilanAsync();
        var interview = await ScheduleAsync(bilan.Name, At(1, 10), 60);
        var misplaced = interview.Name.Replace(bilan.Name, other.Name, StringComparison.Ordinal);

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = misplaced }));

        Assert.Equal(misplaced, status.ErrorInfo().Metadata["resource_name"]);
    }

    [Fact]
    public async Task ListInterviews_PagedByTwo_EachOnceByStartTime()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var scheduled = new List<Interview>();
        foreach (var day in new[] { 5, 1, 3, 2, 4 })
        {
            scheduled.Add(await ScheduleAsync(bilan.Name, At(day, 10), 60));
        }

        var seen = new List<string>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name, PageSize = 2, PageToken = token });
            Assert.True(page.Interviews.Count <= 2);
            seen.AddRange(page.Interviews.Select(i => i.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(scheduled.OrderBy(i => i.StartTime.ToDateTimeOffset()).Select(i => i.Name), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListInterviews_TokenOfAnotherBilan_InvalidArgumentOnPageToken()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var other = await Server.NewAssignedBilanAsync();
        await ScheduleAsync(bilan.Name, At(1, 10), 60);
        await ScheduleAsync(bilan.Name, At(2, 10), 60);
        var first = await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name, PageSize = 1 });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest
        {
            Parent = other.Name,
            PageSize = 1,
            PageToken = first.NextPageToken,
        }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Fact]
    public async Task ListInterviews_UnknownBilan_NotFound()
    {
        await RpcFailure.Of(StatusCode.NotFound, () => Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = $"bilans/{Guid.NewGuid()}" }));
    }

    /// <summary>A time <paramref name="daysFromNow"/> days after the test clock's today, at the given UTC hour.</summary>
    private Timestamp At(int daysFromNow, int hour, int minute = 0) =>
        Timestamp.FromDateTime(DateTime.SpecifyKind(
            Server.Clock.GetUtcNow().UtcDateTime.Date.AddDays(daysFromNow).AddHours(hour).AddMinutes(minute), DateTimeKind.Utc));

    private Task<Interview> ScheduleAsync(string bilan, Timestamp start, int minutes) =>
        Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan,
            Interview = new Interview { Phase = InterviewPhase.Preliminary, StartTime = start, DurationMinutes = minutes, Mode = InterviewMode.OnSite },
        }).ResponseAsync;

    private Task<Interview> GetAsync(string name) =>
        Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = name }).ResponseAsync;

    /// <summary>Moves the clock to the interview's end (never back), then records it held for <paramref name="minutes"/>.</summary>
    private async Task<Interview> RecordHeldAsync(Interview interview, int minutes)
    {
        var end = interview.StartTime.ToDateTimeOffset().AddMinutes(interview.DurationMinutes);
        if (Server.Clock.GetUtcNow() < end)
        {
            Server.Clock.SetUtcNow(end);
        }

        return await Server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = interview.Name,
            Outcome = InterviewStatus.Held,
            HeldMinutes = minutes,
        });
    }
}
