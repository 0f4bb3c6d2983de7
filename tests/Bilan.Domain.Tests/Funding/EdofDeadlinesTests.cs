using Bilan.Domain.Funding;

namespace Bilan.Domain.Tests.Funding;

// Working days: the day of the event is day 0; day 1 is the first working day after it (see WorkingDays).
public sealed class EdofDeadlinesTests
{
    [Theory]
    [InlineData("2026-11-23", "2026-11-25")] // Monday -> Wednesday
    [InlineData("2026-11-27", "2026-12-01")] // Friday -> Tuesday, over the weekend and the month end
    [InlineData("2026-11-28", "2026-12-01")] // Saturday -> Tuesday
    [InlineData("2026-04-02", "2026-04-07")] // Easter Monday 2026
    [InlineData("2027-03-25", "2027-03-30")] // Easter Monday 2027
    [InlineData("2028-04-13", "2028-04-18")] // Easter Monday 2028
    [InlineData("2026-12-30", "2027-01-04")] // 1 January
    [InlineData("2028-02-25", "2028-02-29")] // leap day
    public void AnswerDeadline_RequestDate_SecondWorkingDayAfter(string request, string expected) =>
        Assert.Equal(D(expected), EdofDeadlines.AnswerDeadline(D(request)));

    [Theory]
    [InlineData("2026-11-23", "2026-12-08")]
    [InlineData("2026-03-25", "2026-04-10")] // over Easter 2026
    [InlineData("2026-04-30", "2026-05-20")] // over 1 May, 8 May and Ascension 2026
    [InlineData("2027-05-05", "2027-05-24")] // over Ascension and Whit Monday 2027 (6 and 17 May)
    [InlineData("2026-12-18", "2027-01-06")] // over Christmas and 1 January
    [InlineData("2028-02-15", "2028-03-01")] // over the leap day
    public void EarliestStart_ProposalDate_EleventhWorkingDayAfter(string proposal, string expected) =>
        Assert.Equal(D(expected), EdofDeadlines.EarliestStart(D(proposal)));

    [Theory]
    [InlineData("2026-12-23", "2026-12-29")] // Christmas
    [InlineData("2027-12-30", "2028-01-04")] // 1 January 2028 is a Saturday
    [InlineData("2028-05-04", "2028-05-10")] // 8 May 2028, a Monday
    [InlineData("2028-02-28", "2028-03-02")] // leap day
    public void EntryDeclarationDeadline_EntryDate_ThirdWorkingDayAfter(string entry, string expected) =>
        Assert.Equal(D(expected), EdofDeadlines.EntryDeclarationDeadline(D(entry)));

    [Theory]
    [InlineData("2026-12-23", "2026-12-29")]
    [InlineData("2026-05-22", "2026-05-28")] // Whit Monday 2026
    [InlineData("2027-07-13", "2027-07-19")] // 14 July
    public void ExitDeclarationDeadline_ExitDate_ThirdWorkingDayAfter(string exit, string expected) =>
        Assert.Equal(D(expected), EdofDeadlines.ExitDeclarationDeadline(D(exit)));

    [Theory]
    [InlineData("2026-11-27", "2026-11-27")]
    [InlineData("2026-11-27", "2026-12-01")] // the last day
    [InlineData("2026-04-02", "2026-04-07")]
    public void CheckAnswer_OnOrBeforeDeadline_Null(string request, string answer) =>
        Assert.Null(EdofDeadlines.CheckAnswer(D(request), D(answer)));

    [Theory]
    [InlineData("2026-11-27", "2026-12-02", "2026-12-01")]
    [InlineData("2026-04-02", "2026-04-08", "2026-04-07")]
    public void CheckAnswer_AfterDeadline_AnswerLate(string request, string answer, string deadline)
    {
        var rule = EdofDeadlines.CheckAnswer(D(request), D(answer));

        Assert.NotNull(rule);
        Assert.Equal("EDOF_ANSWER_LATE", rule.Reason);
        Assert.Equal(new Dictionary<string, string> { ["request_date"] = request, ["deadline"] = deadline }, rule.Metadata);
    }

    [Theory]
    [InlineData("2026-11-23", "2026-12-08")] // the earliest start itself
    [InlineData("2026-11-23", "2026-12-12")] // a Saturday after it
    [InlineData("2026-04-30", "2026-05-20")]
    public void CheckStart_OnOrAfterEarliestStart_Null(string proposal, string start) =>
        Assert.Null(EdofDeadlines.CheckStart(D(proposal), D(start)));

    [Theory]
    [InlineData("2026-11-23", "2026-12-07", "2026-12-08")] // the 10th working day
    [InlineData("2026-04-30", "2026-05-19", "2026-05-20")]
    [InlineData("2026-03-25", "2026-04-09", "2026-04-10")]
    public void CheckStart_BeforeEarliestStart_StartTooEarly(string proposal, string start, string earliest)
    {
        var rule = EdofDeadlines.CheckStart(D(proposal), D(start));

        Assert.NotNull(rule);
        Assert.Equal("EDOF_START_TOO_EARLY", rule.Reason);
        Assert.Equal(
            new Dictionary<string, string> { ["proposal_date"] = proposal, ["start_date"] = start, ["earliest_start"] = earliest },
            rule.Metadata);
        Assert.Contains(FrenchCalendar.Format(D(earliest)), rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-23", "2026-12-29", null)]
    [InlineData("2026-12-23", "2026-12-23", null)]
    [InlineData("2026-12-23", "2026-12-30", "2026-12-29")]
    [InlineData("2027-12-30", "2028-01-04", null)]
    [InlineData("2027-12-30", "2028-01-05", "2028-01-04")]
    public void CheckEntryDeclaration_DeclarationDate_LateOnlyAfterDeadline(string entry, string declaration, string? deadline)
    {
        var rule = EdofDeadlines.CheckEntryDeclaration(D(entry), D(declaration));

        if (deadline is null)
        {
            Assert.Null(rule);
            return;
        }

        Assert.NotNull(rule);
        Assert.Equal("EDOF_ENTRY_DECLARATION_LATE", rule.Reason);
        Assert.Equal(new Dictionary<string, string> { ["entry_date"] = entry, ["deadline"] = deadline }, rule.Metadata);
        Assert.StartsWith("L'entrée en formation doit être déclarée", rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-05-22", "2026-05-28", null)]
    [InlineData("2026-05-22", "2026-05-29", "2026-05-28")]
    public void CheckExitDeclaration_DeclarationDate_LateOnlyAfterDeadline(string exit, string declaration, string? deadline)
    {
        var rule = EdofDeadlines.CheckExitDeclaration(D(exit), D(declaration));

        if (deadline is null)
        {
            Assert.Null(rule);
            return;
        }

        Assert.NotNull(rule);
        Assert.Equal("EDOF_EXIT_DECLARATION_LATE", rule.Reason);
        Assert.Equal(new Dictionary<string, string> { ["exit_date"] = exit, ["deadline"] = deadline }, rule.Metadata);
        Assert.StartsWith("La sortie de formation doit être déclarée", rule.FrenchMessage, StringComparison.Ordinal);
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
