using Bilan.Domain.Interviews;

namespace Bilan.Domain.Tests.Interviews;

public sealed class InterviewTests
{
    [Theory]
    [InlineData(InterviewStatus.Scheduled, 90, 60, 90)]
    [InlineData(InterviewStatus.Scheduled, 90, null, 90)]
    [InlineData(InterviewStatus.Held, 90, 60, 60)]
    [InlineData(InterviewStatus.Held, 60, 120, 120)]
    [InlineData(InterviewStatus.Held, 90, null, 0)]
    [InlineData(InterviewStatus.Missed, 90, 90, 0)]
    [InlineData(InterviewStatus.Cancelled, 90, 90, 0)]
    [InlineData(InterviewStatus.Unspecified, 90, 90, 0)]
    public void CountedMinutes_EveryStatus_PlannedWhileScheduledHeldOnceHeldElseNothing(
        InterviewStatus status, int planned, int? held, int counted) =>
        Assert.Equal(counted, TestInterviews.Make(InterviewPhase.Investigation, status, planned, held).CountedMinutes);

    [Theory]
    [InlineData(InterviewStatus.Scheduled, true)]
    [InlineData(InterviewStatus.Held, true)]
    [InlineData(InterviewStatus.Missed, false)]
    [InlineData(InterviewStatus.Cancelled, false)]
    [InlineData(InterviewStatus.Unspecified, false)]
    public void Occupies_EveryStatus_OnlyScheduledAndHeldTakeTheSlot(InterviewStatus status, bool occupies) =>
        Assert.Equal(occupies, TestInterviews.Make(InterviewPhase.Preliminary, status, 60).Occupies);

    [Fact]
    public void End_NinetyMinutesFromTen_HalfPastEleven() =>
        Assert.Equal(
            new DateTimeOffset(2026, 5, 4, 11, 30, 0, TimeSpan.Zero),
            TestInterviews.Make(InterviewPhase.Preliminary, InterviewStatus.Scheduled, 90, start: new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero)).End);

    // The interview runs from 10:00 to 11:00 UTC.
    [Theory]
    [InlineData("2026-05-04T08:00:00Z", 60, false)]
    [InlineData("2026-05-04T09:00:00Z", 60, false)]
    [InlineData("2026-05-04T11:00:00Z", 30, false)]
    [InlineData("2026-05-04T11:01:00Z", 30, false)]
    [InlineData("2026-05-04T09:00:00Z", 61, true)]
    [InlineData("2026-05-04T10:59:00Z", 15, true)]
    [InlineData("2026-05-04T10:15:00Z", 15, true)]
    [InlineData("2026-05-04T10:00:00Z", 60, true)]
    [InlineData("2026-05-04T09:00:00Z", 180, true)]
    [InlineData("2026-05-04T11:00:00+02:00", 60, false)]
    [InlineData("2026-05-04T13:00:00+02:00", 30, false)]
    [InlineData("2026-05-04T12:30:00+02:00", 30, true)]
    [InlineData("2026-05-05T10:00:00Z", 60, false)]
    public void OverlapsSlot_SlotAroundTenToEleven_BackToBackDoesNotOverlap(string start, int minutes, bool overlaps)
    {
        var interview = TestInterviews.Make(InterviewPhase.Investigation, InterviewStatus.Scheduled, 60,
            start: new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(overlaps, interview.OverlapsSlot(TestInterviews.Instant(start), minutes));
    }
}
