using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;

namespace Bilan.Domain.Tests.Funding;

// Calendar days, counted from the day after the event (day 1). A request on 1 March 2026 is in time for a start on
// 30 April (day 60), not on 29 April (day 59); the employer's answer deadline is 31 March (day 30): on 31 March
// the employer may still answer, on 1 April (day 31) silence has become acceptance.
public sealed class CpfWorkingTimeAuthorisationTests
{
    private const string Request = "2026-03-01";
    private const string Start = "2026-04-30";
    private const string Deadline = "2026-03-31";

    [Theory]
    [InlineData("2026-03-01", "2026-04-30", true)] // day 60
    [InlineData("2026-03-01", "2026-04-29", false)] // day 59
    [InlineData("2026-03-01", "2026-09-01", true)]
    [InlineData("2028-01-01", "2028-03-01", true)] // leap year: 1 March 2028 is day 60
    [InlineData("2028-01-01", "2028-02-29", false)]
    [InlineData("2027-01-01", "2027-03-02", true)] // common year: 2 March 2027 is day 60
    [InlineData("2027-01-01", "2027-03-01", false)]
    [InlineData("2026-11-15", "2027-01-14", true)] // over the year end
    [InlineData("2026-11-15", "2027-01-13", false)]
    public void IsRequestedInTime_RequestAndStart_AtLeastSixtyDays(string request, string start, bool expected) =>
        Assert.Equal(expected, CpfWorkingTimeAuthorisation.IsRequestedInTime(D(request), D(start)));

    [Theory]
    [InlineData("2026-04-30", "2026-03-01")]
    [InlineData("2028-03-01", "2028-01-01")]
    [InlineData("2027-01-14", "2026-11-15")]
    public void LatestRequestDate_Start_SixtyDaysBefore(string start, string expected) =>
        Assert.Equal(D(expected), CpfWorkingTimeAuthorisation.LatestRequestDate(D(start)));

    [Theory]
    [InlineData("2026-03-01", "2026-03-31")]
    [InlineData("2028-02-01", "2028-03-02")] // leap year
    [InlineData("2027-02-01", "2027-03-03")] // common year
    [InlineData("2026-12-15", "2027-01-14")] // over the year end
    public void AnswerDeadline_RequestDate_ThirtyDaysAfter(string request, string expected) =>
        Assert.Equal(D(expected), CpfWorkingTimeAuthorisation.AnswerDeadline(D(request)));

    [Theory]
    [InlineData(WorkingTime.During, true)]
    [InlineData(WorkingTime.PartlyDuring, true)]
    [InlineData(WorkingTime.Outside, false)]
    [InlineData(WorkingTime.Unspecified, false)]
    public void IsNeeded_WorkingTime_OnlyOnWorkingTime(WorkingTime workingTime, bool expected) =>
        Assert.Equal(expected, CpfWorkingTimeAuthorisation.IsNeeded(workingTime));

    [Theory]
    // No answer: awaiting up to day 30, deemed granted from day 31.
    [InlineData(Start, EmployerAnswer.None, null, "2026-03-01", CpfAuthorisationStatusKind.AwaitingAnswer)] // day 0
    [InlineData(Start, EmployerAnswer.None, null, "2026-03-31", CpfAuthorisationStatusKind.AwaitingAnswer)] // day 30
    [InlineData(Start, EmployerAnswer.None, null, "2026-04-01", CpfAuthorisationStatusKind.DeemedGranted)] // day 31
    [InlineData(Start, EmployerAnswer.None, null, "2026-06-01", CpfAuthorisationStatusKind.DeemedGranted)]
    // An explicit answer counts from its date.
    [InlineData(Start, EmployerAnswer.Granted, "2026-03-20", "2026-03-19", CpfAuthorisationStatusKind.AwaitingAnswer)]
    [InlineData(Start, EmployerAnswer.Granted, "2026-03-20", "2026-03-20", CpfAuthorisationStatusKind.Granted)]
    [InlineData(Start, EmployerAnswer.Refused, "2026-03-10", "2026-03-10", CpfAuthorisationStatusKind.Refused)]
    [InlineData(Start, EmployerAnswer.Refused, "2026-03-31", "2026-03-31", CpfAuthorisationStatusKind.Refused)] // day 30: in time
    [InlineData(Start, EmployerAnswer.Refused, "2026-03-31", "2026-05-01", CpfAuthorisationStatusKind.Refused)]
    // A refusal on day 31 comes too late: the silence had already become acceptance.
    [InlineData(Start, EmployerAnswer.Refused, "2026-04-01", "2026-03-31", CpfAuthorisationStatusKind.AwaitingAnswer)]
    [InlineData(Start, EmployerAnswer.Refused, "2026-04-01", "2026-04-01", CpfAuthorisationStatusKind.DeemedGranted)]
    [InlineData(Start, EmployerAnswer.Granted, "2026-04-10", "2026-04-10", CpfAuthorisationStatusKind.Granted)]
    // Asked on day 59 before the start: late; silence does not mean acceptance, an explicit answer still counts.
    [InlineData("2026-04-29", EmployerAnswer.None, null, "2026-03-01", CpfAuthorisationStatusKind.NotRequestedInTime)]
    [InlineData("2026-04-29", EmployerAnswer.None, null, "2026-04-01", CpfAuthorisationStatusKind.NotRequestedInTime)]
    [InlineData("2026-04-29", EmployerAnswer.Granted, "2026-03-05", "2026-03-05", CpfAuthorisationStatusKind.Granted)]
    [InlineData("2026-04-29", EmployerAnswer.Granted, "2026-03-05", "2026-03-04", CpfAuthorisationStatusKind.NotRequestedInTime)]
    [InlineData("2026-04-29", EmployerAnswer.Refused, "2026-04-15", "2026-04-15", CpfAuthorisationStatusKind.Refused)]
    public void StatusOn_AnswerAndDate_Status(string start, EmployerAnswer answer, string? answerDate, string on, CpfAuthorisationStatusKind expected)
    {
        var status = CpfWorkingTimeAuthorisation.StatusOn(D(Request), D(start), answer, answerDate is null ? null : D(answerDate), D(on));

        Assert.Equal(expected, status.Kind);
        Assert.Equal(expected == CpfAuthorisationStatusKind.AwaitingAnswer ? D(Deadline) : null, status.AnswerDeadline);
    }

    [Theory]
    [InlineData("2028-02-01", "2028-03-02", CpfAuthorisationStatusKind.AwaitingAnswer)] // leap year, day 30
    [InlineData("2028-02-01", "2028-03-03", CpfAuthorisationStatusKind.DeemedGranted)] // day 31
    [InlineData("2027-02-01", "2027-03-03", CpfAuthorisationStatusKind.AwaitingAnswer)] // common year, day 30
    [InlineData("2027-02-01", "2027-03-04", CpfAuthorisationStatusKind.DeemedGranted)] // day 31
    [InlineData("2026-12-15", "2027-01-14", CpfAuthorisationStatusKind.AwaitingAnswer)] // over the year end, day 30
    [InlineData("2026-12-15", "2027-01-15", CpfAuthorisationStatusKind.DeemedGranted)] // day 31
    public void StatusOn_SilenceAroundDayThirty_AwaitingThenDeemedGranted(string request, string on, CpfAuthorisationStatusKind expected)
    {
        var requestDate = D(request);
        var status = CpfWorkingTimeAuthorisation.StatusOn(requestDate, requestDate.AddDays(90), EmployerAnswer.None, null, D(on));

        Assert.Equal(expected, status.Kind);
    }

    [Theory]
    [InlineData(EmployerAnswer.Granted, null, "answer_date", "REQUIRED")]
    [InlineData(EmployerAnswer.Refused, null, "answer_date", "REQUIRED")]
    [InlineData(EmployerAnswer.None, "2026-03-10", "answer_date", "UNEXPECTED")]
    [InlineData(EmployerAnswer.Granted, "2026-02-28", "answer_date", "BEFORE_REQUEST")]
    [InlineData((EmployerAnswer)9, null, "answer", "UNKNOWN_VALUE")]
    public void StatusOn_InconsistentAnswer_InvalidFields(EmployerAnswer answer, string? answerDate, string field, string reason)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() =>
            CpfWorkingTimeAuthorisation.StatusOn(D(Request), D(Start), answer, answerDate is null ? null : D(answerDate), D("2026-03-15")));

        var violation = Assert.Single(exception.Violations);
        Assert.Equal(field, violation.Field);
        Assert.Equal(reason, violation.Reason);
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class CpfWorkingTimeAuthorisationDatesTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-04-01")]
    [InlineData("2026-01-31", "2026-03-03")] // over February (28 days)
    [InlineData("2028-01-31", "2028-03-02")] // leap year
    [InlineData("2026-12-15", "2027-01-15")] // over the year end
    [InlineData("2026-12-31", "2027-01-31")]
    public void DeemedGrantedDate_Request_DayThirtyOne(string request, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            CpfWorkingTimeAuthorisation.DeemedGrantedDate(DateOnly.Parse(request, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-03-01", "2026-04-30", null)]
    [InlineData("2026-03-02", "2026-04-30", "01/03/2026")]
    [InlineData("2027-12-31", "2028-02-29", null)] // leap year, over the year end: day 60
    [InlineData("2028-01-01", "2028-02-29", "31/12/2027")]
    public void EnsureRequestedInTime_LateRequest_RefusedWithTheLatestDate(string request, string start, string? latest)
    {
        var exception = Record.Exception(() => CpfWorkingTimeAuthorisation.EnsureRequestedInTime(
            DateOnly.Parse(request, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));

        if (latest is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("WORKING_TIME_AUTHORIZATION_TOO_LATE", rule.Reason);
        Assert.Contains($"au plus tard le {latest}", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains("D6323-4", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.Equal("D6323-4", rule.Metadata["article"]);
    }
}
