using Bilan.Domain.Retention;

namespace Bilan.Domain.Tests.Retention;

public sealed class RetentionRulesTests
{
    private static readonly DateOnly End = new(2026, 11, 27);

    [Theory]
    [InlineData(false, false, BilanDocuments.All, BilanDocuments.None, RetentionReason.Unspecified)]
    [InlineData(true, false, BilanDocuments.InterviewNotes, BilanDocuments.Synthesis, RetentionReason.CepOperator)]
    [InlineData(false, true, BilanDocuments.None, BilanDocuments.All, RetentionReason.FollowUpAgreement)]
    [InlineData(true, true, BilanDocuments.None, BilanDocuments.All, RetentionReason.FollowUpAgreement)]
    public void AtEnd_EachException_DestroysAndKeepsTheDocumentsR6313_7Names(
        bool sentToCep, bool agreement, BilanDocuments destroyed, BilanDocuments kept, RetentionReason reason)
    {
        var decision = RetentionRules.AtEnd(End, sentToCep, agreement, retentionYears: 3);

        Assert.Equal(destroyed, decision.Destroyed);
        Assert.Equal(kept, decision.Kept);
        Assert.Equal(reason, decision.Reason);
        Assert.Equal(kept != BilanDocuments.None, decision.KeepsAnything);
    }

    [Fact]
    public void AtEnd_NothingKept_NoRetainUntil() =>
        Assert.Null(RetentionRules.AtEnd(End, false, false, 3).RetainUntil);

    [Theory]
    [InlineData(3, "2029-11-27")]
    [InlineData(1, "2027-11-27")]
    [InlineData(5, "2029-11-27")] // the policy cannot go beyond the legal 3 years
    public void AtEnd_Kept_UntilEndPlusPolicyYearsAtMostThree(int years, string until) =>
        Assert.Equal(DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), RetentionRules.AtEnd(End, true, false, years).RetainUntil);

    [Fact]
    public void AtEnd_LeapDay_EndsOnTheTwentyEighth() =>
        Assert.Equal(new DateOnly(2031, 2, 28), RetentionRules.AtEnd(new DateOnly(2028, 2, 29), true, false, 3).RetainUntil);

    [Fact]
    public void AtEnd_PolicyOfZeroYears_DestroysEverythingAtOnce()
    {
        var decision = RetentionRules.AtEnd(End, true, true, retentionYears: 0);

        Assert.Equal(BilanDocuments.All, decision.Destroyed);
        Assert.Equal(BilanDocuments.None, decision.Kept);
        Assert.Null(decision.RetainUntil);
    }

    [Theory]
    [InlineData("2029-11-26", false)]
    [InlineData("2029-11-27", true)]
    [InlineData("2029-11-28", true)]
    public void IsOver_OnTheRetainUntilDayAndAfter(string today, bool over) =>
        Assert.Equal(over, RetentionRules.IsOver(new DateOnly(2029, 11, 27), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(null, false)]
    [InlineData("2029-11-26", false)]
    [InlineData("2029-11-27", false)]
    [InlineData("2029-11-28", true)]
    public void IsRunning_OnlyBeforeTheRetainUntilDay(string? until, bool running) =>
        Assert.Equal(running, RetentionRules.IsRunning(
            until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2029, 11, 27)));

    [Theory]
    [InlineData(BilanDocuments.None, "")]
    [InlineData(BilanDocuments.Synthesis, "synthesis")]
    [InlineData(BilanDocuments.InterviewNotes, "interview_notes")]
    [InlineData(BilanDocuments.All, "synthesis,interview_notes")]
    public void Names_AreTheApiNames(BilanDocuments documents, string names) =>
        Assert.Equal(names, RetentionRules.Names(documents));
}
