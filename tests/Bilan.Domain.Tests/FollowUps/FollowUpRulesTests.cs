using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.FollowUps;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.FollowUps;

public sealed class FollowUpRulesTests
{
    [Theory]
    [InlineData("2026-05-04", 6, "2026-11-04")]
    [InlineData("2026-06-30", 6, "2026-12-30")]
    [InlineData("2026-07-15", 6, "2027-01-15")] // over the year end
    [InlineData("2026-08-31", 6, "2027-02-28")] // month end: February has no 31st
    [InlineData("2027-08-31", 6, "2028-02-29")] // leap year
    [InlineData("2027-08-30", 6, "2028-02-29")]
    [InlineData("2026-12-31", 1, "2027-01-31")]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-03-31", 3, "2026-06-30")]
    [InlineData("2026-05-04", 12, "2027-05-04")]
    [InlineData("2028-02-29", 12, "2029-02-28")]
    public void ProposedDate_CompletionAndDelay_CalendarMonthsClampedToMonthEnd(string completed, int months, string expected) =>
        Assert.Equal(TestInterviews.Date(expected), FollowUpRules.ProposedDate(TestInterviews.Date(completed), months));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(6, true)]
    [InlineData(12, true)]
    [InlineData(13, false)]
    [InlineData(-6, false)]
    public void ValidateDelay_Months_OneToTwelve(int months, bool valid)
    {
        var violations = FollowUpRules.ValidateDelay("follow_up.delay_months", months);

        if (valid)
        {
            Assert.Empty(violations);
            return;
        }

        Assert.Equal(
            new FieldViolation("follow_up.delay_months", "OUT_OF_RANGE", "Must be between 1 and 12 months.",
                "Le délai de l'entretien de suivi doit être compris entre 1 et 12 mois."),
            Assert.Single(violations));
    }

    [Theory]
    [InlineData("", false, FollowUpState.Proposed)]
    [InlineData("Conclusion Held 60", false, FollowUpState.Proposed)]
    [InlineData("FollowUp Scheduled 60", false, FollowUpState.Scheduled)]
    [InlineData("FollowUp Cancelled 60", false, FollowUpState.Proposed)]
    [InlineData("FollowUp Missed 60", false, FollowUpState.Proposed)]
    [InlineData("FollowUp Held 60", false, FollowUpState.Held)]
    [InlineData("", true, FollowUpState.Declined)]
    [InlineData("FollowUp Cancelled 60", true, FollowUpState.Declined)]
    [InlineData("FollowUp Held 60", true, FollowUpState.Held)]
    public void StateOf_InterviewsAndDecline_HeldThenDeclinedThenScheduled(string interviews, bool declined, FollowUpState expected) =>
        Assert.Equal(expected, FollowUpRules.StateOf(declined ? new DateOnly(2026, 10, 1) : null, TestInterviews.Parse(interviews)));

    [Theory]
    [InlineData(BilanState.Completed, FollowUpState.Proposed, false, null)]
    [InlineData(BilanState.FollowUp, FollowUpState.Proposed, true, null)]
    [InlineData(BilanState.FollowUp, FollowUpState.Scheduled, false, null)]
    [InlineData(BilanState.FollowUp, FollowUpState.Scheduled, true, "FOLLOW_UP_INTERVIEW_SCHEDULED")]
    [InlineData(BilanState.FollowUp, FollowUpState.Held, false, "FOLLOW_UP_CONCLUDED")]
    [InlineData(BilanState.Completed, FollowUpState.Declined, true, "FOLLOW_UP_CONCLUDED")]
    [InlineData(BilanState.Closed, FollowUpState.Proposed, false, "FOLLOW_UP_NOT_OPEN")]
    [InlineData(BilanState.Abandoned, FollowUpState.Proposed, true, "FOLLOW_UP_NOT_OPEN")]
    public void EnsureOpen_BilanAndFollowUpStates_RefusedOnceOverOrConcluded(BilanState bilan, FollowUpState state, bool declining, string? reason)
    {
        var exception = Record.Exception(() => FollowUpRules.EnsureOpen(bilan, state, declining));

        Assert.Equal(reason, (exception as RuleViolationException)?.Reason);
        Assert.Equal(reason is null, exception is null);
    }
}
