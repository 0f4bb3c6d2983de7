using Bilan.Domain.Funding;

namespace Bilan.Domain.Tests.Funding;

// Each expected date is counted by hand: the day of the event is day 0, then only Monday-Friday days that are not
// public holidays count (see WorkingDays). Holidays crossed are named in the comment.
public sealed class EdofScheduleTests
{
    [Theory]
    [InlineData("2025-04-18", "2025-04-23")] // Fri; Easter Monday 21 Apr -> Tue 22 (1), Wed 23 (2)
    [InlineData("2026-05-13", "2026-05-18")] // Wed; Ascension Thu 14 May -> Fri 15 (1), Mon 18 (2)
    [InlineData("2026-05-22", "2026-05-27")] // Fri; Whit Monday 25 May -> Tue 26 (1), Wed 27 (2)
    [InlineData("2025-07-11", "2025-07-16")] // Fri; 14 July is a Monday -> Tue 15 (1), Wed 16 (2)
    [InlineData("2025-08-14", "2025-08-19")] // Thu; 15 August a Friday -> Mon 18 (1), Tue 19 (2)
    [InlineData("2027-10-29", "2027-11-03")] // Fri; 1 November a Monday -> Tue 2 (1), Wed 3 (2)
    [InlineData("2026-11-10", "2026-11-13")] // Tue; 11 November a Wednesday -> Thu 12 (1), Fri 13 (2)
    [InlineData("2025-12-24", "2025-12-29")] // Wed; Christmas Thu -> Fri 26 (1), Mon 29 (2)
    [InlineData("2025-12-31", "2026-01-05")] // year end; 1 January a Thursday -> Fri 2 (1), Mon 5 (2)
    [InlineData("2026-06-29", "2026-07-01")] // month end: Tue 30 (1), Wed 1 July (2)
    [InlineData("2026-06-06", "2026-06-09")] // received on a Saturday: Mon 8 (1), Tue 9 (2)
    public void Compute_NotAnswered_AnswerDueOnSecondWorkingDay(string receive, string due)
    {
        var deadline = Single(EdofDeadlineKind.Answer, new EdofDossierDates(EdofState.NotProcessed, D(receive)), D(receive));

        Assert.Equal(D(due), deadline.DueDate);
        Assert.Equal(DeadlineStatus.Pending, deadline.Status);
        Assert.Null(deadline.DoneDate);
    }

    [Theory]
    [InlineData("2025-04-15", "2025-05-02")] // Easter Monday 21 Apr and 1 May skipped
    [InlineData("2025-05-26", "2025-06-12")] // Ascension 29 May and Whit Monday 9 June skipped
    [InlineData("2025-07-08", "2025-07-24")] // 14 July skipped
    [InlineData("2025-08-04", "2025-08-20")] // 15 August skipped
    [InlineData("2025-10-28", "2025-11-13")] // month end; 1 November (a Saturday) and 11 November skipped
    [InlineData("2025-12-15", "2025-12-31")] // Christmas skipped, up to the year end
    public void Compute_Proposal_EarliestStartEleventhWorkingDay(string proposal, string earliest)
    {
        var dossier = new EdofDossierDates(EdofState.Validated, D(proposal), AnswerDate: D(proposal), ProposalDate: D(proposal),
            StartDate: D(earliest), EndDate: D(earliest).AddDays(60));

        var deadline = Single(EdofDeadlineKind.EarliestStart, dossier, D(proposal));

        Assert.Equal(D(earliest), deadline.DueDate);
        Assert.Equal(DeadlineStatus.Met, deadline.Status);
    }

    [Theory]
    [InlineData("2027-03-26", "2027-04-01")] // Fri; Easter Monday 29 March, over the month end
    [InlineData("2027-05-04", "2027-05-10")] // Ascension Thu 6 May
    [InlineData("2025-08-13", "2025-08-19")] // 15 August
    [InlineData("2027-10-28", "2027-11-03")] // 1 November, over the month end
    [InlineData("2025-12-24", "2025-12-30")] // Christmas
    [InlineData("2026-12-29", "2027-01-04")] // year end: 1 January 2027 a Friday
    public void Compute_InTrainingEntryNotDeclared_EntryDueOnThirdWorkingDay(string entry, string due)
    {
        var dossier = new EdofDossierDates(EdofState.InTraining, D(entry).AddDays(-30), AnswerDate: D(entry).AddDays(-30),
            ProposalDate: D(entry).AddDays(-30), StartDate: D(entry), EndDate: D(entry).AddDays(90), EntryDate: D(entry));

        var deadline = Single(EdofDeadlineKind.EntryDeclaration, dossier, D(entry));

        Assert.Equal(D(due), deadline.DueDate);
        Assert.Equal(DeadlineStatus.Pending, deadline.Status);
    }

    [Theory]
    [InlineData("2025-06-06", "2025-06-12")] // Fri; Whit Monday 9 June
    [InlineData("2026-07-13", "2026-07-17")] // 14 July a Tuesday
    [InlineData("2027-11-10", "2027-11-16")] // 11 November a Thursday
    [InlineData("2026-12-24", "2026-12-30")] // Christmas a Friday
    [InlineData("2027-02-25", "2027-03-02")] // February month end
    [InlineData("2026-06-13", "2026-06-17")] // exit on a Saturday
    public void Compute_Terminated_ExitDueOnThirdWorkingDay(string exit, string due)
    {
        var dossier = new EdofDossierDates(EdofState.Terminated, D(exit).AddDays(-90), AnswerDate: D(exit).AddDays(-90),
            ProposalDate: D(exit).AddDays(-90), StartDate: D(exit).AddDays(-60), EndDate: D(exit),
            EntryDate: D(exit).AddDays(-60), EntryDeclaredDate: D(exit).AddDays(-60), ExitDate: D(exit), ExitDeclaredDate: D(due));

        var deadline = Single(EdofDeadlineKind.ExitDeclaration, dossier, D(due).AddDays(10));

        Assert.Equal(D(due), deadline.DueDate);
        Assert.Equal(DeadlineStatus.Met, deadline.Status);
        Assert.Equal(D(due), deadline.DoneDate);
    }

    // Receive Wed 2025-12-24, due Mon 2025-12-29 (above): status by the answer day, or by today when not answered.
    [Theory]
    [InlineData(null, "2025-12-29", DeadlineStatus.Pending)] // the last day itself
    [InlineData(null, "2025-12-30", DeadlineStatus.Overdue)]
    [InlineData("2025-12-29", "2026-01-15", DeadlineStatus.Met)]
    [InlineData("2025-12-30", "2026-01-15", DeadlineStatus.Missed)]
    public void Compute_AnswerStatus_ByAnswerDayOrToday(string? answered, string today, DeadlineStatus expected)
    {
        var dossier = new EdofDossierDates(answered is null ? EdofState.NotProcessed : EdofState.Validated, D("2025-12-24"),
            AnswerDate: answered is null ? null : D(answered));

        Assert.Equal(expected, Single(EdofDeadlineKind.Answer, dossier, D(today)).Status);
    }

    [Fact]
    public void Compute_AcceptedNotEntered_EntryDeadlineFromPlannedStart()
    {
        // Planned start Fri 2026-07-10; 14 July a Tuesday: Mon 13 (1), Wed 15 (2), Thu 16 (3).
        var dossier = new EdofDossierDates(EdofState.Accepted, D("2026-06-15"), AnswerDate: D("2026-06-16"),
            ProposalDate: D("2026-06-16"), StartDate: D("2026-07-10"), EndDate: D("2026-09-30"));

        var deadlines = EdofSchedule.Compute(dossier, D("2026-07-17"));

        var entry = Assert.Single(deadlines, d => d.Kind == EdofDeadlineKind.EntryDeclaration);
        Assert.Equal(D("2026-07-16"), entry.DueDate);
        Assert.Equal(DeadlineStatus.Overdue, entry.Status);
        Assert.DoesNotContain(deadlines, d => d.Kind == EdofDeadlineKind.ExitDeclaration);
    }

    [Fact]
    public void Compute_InTraining_ExitDeadlineFromPlannedEnd()
    {
        // Planned end Fri 2026-08-14; 15 August a Saturday: Mon 17 (1), Tue 18 (2), Wed 19 (3).
        var dossier = new EdofDossierDates(EdofState.InTraining, D("2026-06-15"), AnswerDate: D("2026-06-16"),
            ProposalDate: D("2026-06-16"), StartDate: D("2026-07-10"), EndDate: D("2026-08-14"),
            EntryDate: D("2026-07-10"), EntryDeclaredDate: D("2026-07-15"));

        var deadlines = EdofSchedule.Compute(dossier, D("2026-08-01"));

        Assert.Equal(DeadlineStatus.Met, Assert.Single(deadlines, d => d.Kind == EdofDeadlineKind.EntryDeclaration).Status);
        var exit = Assert.Single(deadlines, d => d.Kind == EdofDeadlineKind.ExitDeclaration);
        Assert.Equal(D("2026-08-19"), exit.DueDate);
        Assert.Equal(DeadlineStatus.Pending, exit.Status);
    }

    [Fact]
    public void Compute_CancelledBeforeEntry_NoDeclarationDeadline()
    {
        var dossier = new EdofDossierDates(EdofState.CancelledByHolder, D("2026-06-15"), AnswerDate: D("2026-06-16"),
            ProposalDate: D("2026-06-16"), StartDate: D("2026-07-10"), EndDate: D("2026-09-30"));

        var kinds = EdofSchedule.Compute(dossier, D("2026-08-01")).Select(d => d.Kind);

        Assert.Equal([EdofDeadlineKind.Answer, EdofDeadlineKind.EarliestStart], kinds);
    }

    private static EdofDeadline Single(EdofDeadlineKind kind, EdofDossierDates dossier, DateOnly today) =>
        Assert.Single(EdofSchedule.Compute(dossier, today), d => d.Kind == kind);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
