using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;

namespace Bilan.Domain.Tests.Interviews;

public sealed class InterviewRulesTests
{
    private static readonly BilanPolicy DefaultPolicy = new();

    private static readonly DateTimeOffset Monday = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    // ---- ValidateSlot ----

    [Theory]
    [InlineData(InterviewPhase.Preliminary, InterviewMode.OnSite, 60, "")]
    [InlineData(InterviewPhase.Investigation, InterviewMode.Remote, 90, "")]
    [InlineData(InterviewPhase.Conclusion, InterviewMode.OnSite, 15, "")]
    [InlineData(InterviewPhase.Conclusion, InterviewMode.Remote, 480, "")]
    [InlineData(InterviewPhase.Unspecified, InterviewMode.OnSite, 60, "phase:REQUIRED")]
    [InlineData((InterviewPhase)7, InterviewMode.OnSite, 60, "phase:UNKNOWN_VALUE")]
    [InlineData(InterviewPhase.Preliminary, InterviewMode.Unspecified, 60, "mode:REQUIRED")]
    [InlineData(InterviewPhase.Preliminary, (InterviewMode)5, 60, "mode:UNKNOWN_VALUE")]
    [InlineData(InterviewPhase.Preliminary, InterviewMode.OnSite, 14, "duration_minutes:OUT_OF_RANGE")]
    [InlineData(InterviewPhase.Preliminary, InterviewMode.OnSite, 481, "duration_minutes:OUT_OF_RANGE")]
    [InlineData(InterviewPhase.Preliminary, InterviewMode.OnSite, 0, "duration_minutes:OUT_OF_RANGE")]
    [InlineData(InterviewPhase.Preliminary, InterviewMode.OnSite, -60, "duration_minutes:OUT_OF_RANGE")]
    [InlineData(InterviewPhase.Unspecified, InterviewMode.Unspecified, 0, "phase:REQUIRED,mode:REQUIRED,duration_minutes:OUT_OF_RANGE")]
    public void ValidateSlot_DefaultPolicy_EveryBadFieldReported(InterviewPhase phase, InterviewMode mode, int minutes, string expected) =>
        Assert.Equal(expected, string.Join(",", InterviewRules.ValidateSlot(phase, mode, minutes, DefaultPolicy).Select(v => $"{v.Field}:{v.Reason}")));

    [Theory]
    [InlineData(InterviewPhase.Unspecified, InterviewMode.OnSite, 60, "phase", "REQUIRED", "Required.", "La phase est obligatoire.")]
    [InlineData((InterviewPhase)9, InterviewMode.OnSite, 60, "phase", "UNKNOWN_VALUE", "Unknown value 9.", "La phase : valeur inconnue.")]
    [InlineData(InterviewPhase.Preliminary, InterviewMode.Unspecified, 60, "mode", "REQUIRED", "Required.", "La modalité est obligatoire.")]
    [InlineData(InterviewPhase.Preliminary, InterviewMode.OnSite, 10, "duration_minutes", "OUT_OF_RANGE",
        "Must be between 15 and 480 minutes.", "La durée doit être comprise entre 15 et 480 minutes.")]
    public void ValidateSlot_OneBadField_Messages(
        InterviewPhase phase, InterviewMode mode, int minutes, string field, string reason, string english, string french) =>
        Assert.Equal(
            new FieldViolation(field, reason, english, french),
            Assert.Single(InterviewRules.ValidateSlot(phase, mode, minutes, DefaultPolicy)));

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(120, false)]
    [InlineData(121, true)]
    [InlineData(480, true)]
    public void ValidateSlot_PolicyOf30To120Minutes_BoundsFromThePolicy(int minutes, bool refused)
    {
        var violations = InterviewRules.ValidateSlot(InterviewPhase.Preliminary, InterviewMode.Remote, minutes,
            new BilanPolicy { MinimumInterviewMinutes = 30, MaximumInterviewMinutes = 120 });

        if (!refused)
        {
            Assert.Empty(violations);
            return;
        }

        Assert.Equal(
            new FieldViolation("duration_minutes", "OUT_OF_RANGE", "Must be between 30 and 120 minutes.", "La durée doit être comprise entre 30 et 120 minutes."),
            Assert.Single(violations));
    }

    // ---- EnsureCanPlan: state and phase ----

    // The first phase a bilan in each state may still plan; absent: no interview at all.
    private static readonly Dictionary<BilanState, InterviewPhase> EarliestPlannablePhase = new()
    {
        [BilanState.Requested] = InterviewPhase.Preliminary,
        [BilanState.Preliminary] = InterviewPhase.Preliminary,
        [BilanState.Investigation] = InterviewPhase.Investigation,
        [BilanState.Conclusion] = InterviewPhase.Conclusion,
        [BilanState.FollowUp] = InterviewPhase.FollowUp,
    };

    public static TheoryData<BilanState, InterviewPhase> EveryStateAndPhase()
    {
        var data = new TheoryData<BilanState, InterviewPhase>();
        foreach (var state in Enum.GetValues<BilanState>().Where(s => s != BilanState.Unspecified))
        {
            foreach (var phase in new[] { InterviewPhase.Preliminary, InterviewPhase.Investigation, InterviewPhase.Conclusion, InterviewPhase.FollowUp })
            {
                data.Add(state, phase);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndPhase))]
    public void EnsureCanPlan_EveryStateAndPhase_RefusedWhenOverOrPhasePassed(BilanState state, InterviewPhase phase)
    {
        var exception = Record.Exception(() => InterviewRules.EnsureCanPlan(state, phase, Monday, 60, [], [], DefaultPolicy));

        if (phase == InterviewPhase.FollowUp && state != BilanState.FollowUp && !state.IsFinal())
        {
            // The follow-up interview (R6313-4 3°) waits for the bilan to be in FOLLOW_UP.
            var rule = Assert.IsType<RuleViolationException>(exception);
            Assert.Equal("FOLLOW_UP_INTERVIEW_NOT_YET", rule.Reason);
            Assert.Equal(new Dictionary<string, string> { ["state"] = ApiNames.Of(state), ["phase"] = "INTERVIEW_PHASE_FOLLOW_UP" }, rule.Metadata);
            Assert.Contains("L'entretien de suivi se planifie une fois le bilan en suivi", rule.FrenchMessage, StringComparison.Ordinal);
        }
        else if (!EarliestPlannablePhase.TryGetValue(state, out var earliest))
        {
            var rule = Assert.IsType<RuleViolationException>(exception);
            Assert.Equal("INTERVIEW_NOT_ALLOWED_IN_STATE", rule.Reason);
            Assert.Equal(new Dictionary<string, string> { ["state"] = ApiNames.Of(state) }, rule.Metadata);
            Assert.Equal($"No interview can be planned for a bilan in state {ApiNames.Of(state)}.", rule.Message);
            Assert.Equal($"Aucun entretien ne peut être planifié : le bilan est à l'état « {FrenchNames.Of(state)} ».", rule.FrenchMessage);
        }
        else if (phase < earliest)
        {
            var rule = Assert.IsType<RuleViolationException>(exception);
            Assert.Equal("INTERVIEW_PHASE_PASSED", rule.Reason);
            Assert.Equal(new Dictionary<string, string> { ["state"] = ApiNames.Of(state), ["phase"] = ApiNames.Of(phase) }, rule.Metadata);
            Assert.Contains($"phase {ApiNames.Of(phase)} cannot be planned", rule.Message, StringComparison.Ordinal);
            Assert.Contains($"« {FrenchNames.Of(state)} »", rule.FrenchMessage, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(exception);
        }
    }

    [Theory]
    [InlineData(BilanState.Completed, "STATE_COMPLETED", "terminé")]
    [InlineData(BilanState.Closed, "STATE_CLOSED", "clôturé")]
    [InlineData(BilanState.Abandoned, "STATE_ABANDONED", "abandonné")]
    [InlineData(BilanState.Cancelled, "STATE_CANCELLED", "annulé")]
    public void EnsureCanPlan_BilanOver_NotAllowedInStateNamingIt(BilanState state, string apiName, string frenchName)
    {
        var rule = Assert.Throws<RuleViolationException>(() =>
            InterviewRules.EnsureCanPlan(state, InterviewPhase.Conclusion, Monday, 60, [], [], DefaultPolicy));

        Assert.Equal("INTERVIEW_NOT_ALLOWED_IN_STATE", rule.Reason);
        Assert.Equal(apiName, rule.Metadata["state"]);
        Assert.Contains($"« {frenchName} »", rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCanPlan_InvestigationPhaseInConclusion_PhasePassedMessages()
    {
        var rule = Assert.Throws<RuleViolationException>(() =>
            InterviewRules.EnsureCanPlan(BilanState.Conclusion, InterviewPhase.Investigation, Monday, 60, [], [], DefaultPolicy));

        Assert.Equal(
            "An interview of phase INTERVIEW_PHASE_INVESTIGATION cannot be planned: the bilan is in STATE_CONCLUSION; plan it in the current phase or a later one.",
            rule.Message);
        Assert.Equal(
            "Cette phase est passée : le bilan est en « phase de conclusion ». Planifiez l'entretien dans la phase en cours ou une suivante.",
            rule.FrenchMessage);
    }

    [Theory]
    [InlineData(BilanState.Requested, 0)]
    [InlineData(BilanState.Preliminary, 1)]
    [InlineData(BilanState.Investigation, 2)]
    [InlineData(BilanState.Conclusion, 3)]
    [InlineData(BilanState.FollowUp, 4)]
    public void CurrentPhase_StatesThatPlan_PhaseOfTheState(BilanState state, int phase) =>
        Assert.Equal(phase, InterviewRules.CurrentPhase(state));

    // ---- EnsureCanPlan: 24 hours (L6313-4) ----

    // Expected: null when accepted, or the planned minutes the refusal states.
    [Theory]
    [InlineData("", 480, null)]
    [InlineData("Preliminary Scheduled 480; Investigation Scheduled 480; Investigation Scheduled 420", 60, null)]
    [InlineData("Preliminary Scheduled 480; Investigation Scheduled 480; Investigation Scheduled 420", 61, "1441")]
    [InlineData("Preliminary Scheduled 480; Investigation Scheduled 480; Investigation Scheduled 480", 15, "1455")]
    // Cancelled and missed interviews give their time back.
    [InlineData("Preliminary Scheduled 480; Investigation Scheduled 480; Investigation Scheduled 420; Investigation Cancelled 480; Investigation Missed 480", 60, null)]
    [InlineData("Preliminary Scheduled 480; Investigation Scheduled 480; Investigation Scheduled 420; Investigation Cancelled 480; Investigation Missed 480", 61, "1441")]
    // Held interviews count what was held, not what was planned.
    [InlineData("Preliminary Held 480/420; Investigation Scheduled 480; Investigation Scheduled 480", 60, null)]
    [InlineData("Preliminary Held 480/420; Investigation Scheduled 480; Investigation Scheduled 480", 61, "1441")]
    [InlineData("Preliminary Held 120/480; Investigation Scheduled 480; Investigation Scheduled 420", 61, "1441")]
    [InlineData("Preliminary Held 120/480; Investigation Scheduled 480; Investigation Scheduled 420", 60, null)]
    [InlineData("Preliminary Held 480/-; Investigation Scheduled 480; Investigation Scheduled 480", 480, null)]
    public void EnsureCanPlan_CountedMinutesPlusSlot_RefusedAbove1440(string others, int minutes, string? plannedMinutes)
    {
        var exception = Record.Exception(() => InterviewRules.EnsureCanPlan(
            BilanState.Investigation, InterviewPhase.Conclusion, Monday, minutes, TestInterviews.Parse(others), [], DefaultPolicy));

        if (plannedMinutes is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("PLANNED_HOURS_EXCEEDED", rule.Reason);
        Assert.Equal(
            new Dictionary<string, string> { ["planned_minutes"] = plannedMinutes, ["maximum_minutes"] = "1440", ["article"] = "L6313-4" },
            rule.Metadata);
        Assert.Contains("L6313-4", rule.Message, StringComparison.Ordinal);
        Assert.Contains("article L6313-4 du Code du travail", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains("au plus 24 h", rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCanPlan_1441Minutes_MessagesStateHours()
    {
        var rule = Assert.Throws<RuleViolationException>(() => InterviewRules.EnsureCanPlan(
            BilanState.Preliminary, InterviewPhase.Preliminary, Monday, 61,
            TestInterviews.Parse("Preliminary Scheduled 480; Investigation Scheduled 480; Investigation Scheduled 420"), [], DefaultPolicy));

        Assert.Equal(
            "This interview would bring the bilan to 24.02 hours; a bilan has at most 24 hours of accompaniment (Code du travail L6313-4).",
            rule.Message);
        Assert.Equal(
            "Cet entretien porterait le bilan à 24.02 h ; un bilan compte au plus 24 h d'accompagnement (article L6313-4 du Code du travail).",
            rule.FrenchMessage);
    }

    // ---- EnsureCanPlan: situations, by the day in Europe/Paris ----

    // The refusing situation is situations[1], after a past parental leave. Expected: null when accepted, or the
    // day (in Paris) the French message names and the metadata.
    [Theory]
    // Summer time (UTC+2): 2026-03-31T22:00Z is midnight on 2026-04-01 in Paris.
    [InlineData("2026-03-31T23:30:00Z", 60, "MaternityLeave 2026-04-01..2026-07-15", "01/04/2026", "SITUATION_KIND_MATERNITY_LEAVE", "2026-04-01", "2026-07-15")]
    [InlineData("2026-03-31T22:00:00Z", 60, "MaternityLeave 2026-04-01..2026-07-15", "01/04/2026", "SITUATION_KIND_MATERNITY_LEAVE", "2026-04-01", "2026-07-15")]
    [InlineData("2026-03-31T21:30:00Z", 60, "MaternityLeave 2026-04-01..2026-07-15", "31/03/2026", "SITUATION_KIND_MATERNITY_LEAVE", "2026-04-01", "2026-07-15")]
    [InlineData("2026-03-31T21:30:00Z", 15, "MaternityLeave 2026-04-01..2026-07-15", null, null, null, null)]
    [InlineData("2026-03-31T20:00:00Z", 60, "MaternityLeave 2026-04-01..2026-07-15", null, null, null, null)]
    // Ending exactly at midnight in Paris does not touch the next day (the end is exclusive).
    [InlineData("2026-03-31T21:45:00Z", 15, "MaternityLeave 2026-04-01..2026-07-15", null, null, null, null)]
    [InlineData("2026-03-31T20:00:00Z", 120, "MaternityLeave 2026-04-01..2026-07-15", null, null, null, null)]
    [InlineData("2026-07-15T16:00:00Z", 120, "MaternityLeave 2026-04-01..2026-07-15", "15/07/2026", "SITUATION_KIND_MATERNITY_LEAVE", "2026-04-01", "2026-07-15")]
    [InlineData("2026-07-15T21:30:00Z", 15, "MaternityLeave 2026-04-01..2026-07-15", "15/07/2026", "SITUATION_KIND_MATERNITY_LEAVE", "2026-04-01", "2026-07-15")]
    [InlineData("2026-07-15T22:00:00Z", 60, "MaternityLeave 2026-04-01..2026-07-15", null, null, null, null)]
    [InlineData("2026-07-16T08:00:00Z", 60, "MaternityLeave 2026-04-01..2026-07-15", null, null, null, null)]
    // Winter time (UTC+1): 2026-01-31T23:00Z is midnight on 2026-02-01 in Paris.
    [InlineData("2026-01-31T23:30:00Z", 60, "CarerLeave 2026-02-01..2026-02-28", "01/02/2026", "SITUATION_KIND_CARER_LEAVE", "2026-02-01", "2026-02-28")]
    [InlineData("2026-01-31T23:00:00Z", 30, "CarerLeave 2026-02-01..2026-02-28", "01/02/2026", "SITUATION_KIND_CARER_LEAVE", "2026-02-01", "2026-02-28")]
    [InlineData("2026-01-31T22:15:00Z", 30, "CarerLeave 2026-02-01..2026-02-28", null, null, null, null)]
    [InlineData("2026-01-31T22:00:00Z", 60, "CarerLeave 2026-02-01..2026-02-28", null, null, null, null)]
    [InlineData("2026-02-28T22:30:00Z", 15, "CarerLeave 2026-02-01..2026-02-28", "28/02/2026", "SITUATION_KIND_CARER_LEAVE", "2026-02-01", "2026-02-28")]
    [InlineData("2026-02-28T23:00:00Z", 60, "CarerLeave 2026-02-01..2026-02-28", null, null, null, null)]
    // Open-ended, sick leave and allowed situations.
    [InlineData("2026-05-04T08:00:00Z", 90, "TransitionProject 2026-03-02..", "04/05/2026", "SITUATION_KIND_TRANSITION_PROJECT", "2026-03-02", "")]
    [InlineData("2026-05-04T08:00:00Z", 90, "SickLeave 2026-05-01..2026-05-31", "04/05/2026", "SITUATION_KIND_SICK_LEAVE", "2026-05-01", "2026-05-31")]
    [InlineData("2026-05-04T08:00:00Z", 90, "SickLeave 2026-05-01..2026-05-31 agreed", null, null, null, null)]
    [InlineData("2026-05-04T08:00:00Z", 90, "ParentalLeave 2026-05-01..2026-05-31", null, null, null, null)]
    [InlineData("2026-05-04T08:00:00Z", 90, "SabbaticalLeave 2026-01-01..", null, null, null, null)]
    public void EnsureCanPlan_SituationOnTheParisDay_RefusedNamingSituationAndDates(
        string start, int minutes, string situation, string? frenchDay, string? kind, string? situationStart, string? situationEnd)
    {
        var situations = TestInterviews.Situations($"ParentalLeave 2025-01-06..2025-06-30; {situation}");

        var exception = Record.Exception(() => InterviewRules.EnsureCanPlan(
            BilanState.Preliminary, InterviewPhase.Preliminary, TestInterviews.Instant(start), minutes, [], situations, DefaultPolicy));

        if (frenchDay is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("INTERVIEW_DURING_FORBIDDEN_SITUATION", rule.Reason);
        Assert.Equal(
            new Dictionary<string, string> { ["situation"] = kind!, ["situation_start"] = situationStart!, ["situation_end"] = situationEnd! },
            rule.Metadata);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal("situations[1]", failure.Subject);
        Assert.Equal(kind == "SITUATION_KIND_SICK_LEAVE" ? "SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT" : "SITUATION_FORBIDS_BILAN", failure.Type);
        Assert.StartsWith($"Pas d'entretien le {frenchDay} : ", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains(failure.FrenchDescription, rule.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains(failure.Description, rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCanPlan_DayOfMaternityLeave_ExactMessages()
    {
        var rule = Assert.Throws<RuleViolationException>(() => InterviewRules.EnsureCanPlan(
            BilanState.Preliminary, InterviewPhase.Preliminary, TestInterviews.Instant("2026-03-31T23:30:00Z"), 60, [],
            TestInterviews.Situations("MaternityLeave 2026-04-01..2026-07-15"), DefaultPolicy));

        Assert.Equal(
            "No interview on 2026-04-01: No bilan may take place during SITUATION_KIND_MATERNITY_LEAVE (from 2026-04-01 to 2026-07-15).",
            rule.Message);
        Assert.Equal(
            "Pas d'entretien le 01/04/2026 : Aucun bilan ne peut avoir lieu pendant un congé maternité (du 01/04/2026 au 15/07/2026).",
            rule.FrenchMessage);
    }

    [Fact]
    public void EnsureCanPlan_TwoForbiddenSituationsThatDay_BothListedFirstInMetadata()
    {
        var rule = Assert.Throws<RuleViolationException>(() => InterviewRules.EnsureCanPlan(
            BilanState.Investigation, InterviewPhase.Investigation, Monday, 60, [],
            TestInterviews.Situations("UnpaidLeave 2026-05-01..2026-05-31; CarerLeave 2026-05-04..2026-05-04; TransitionProject 2026-04-01.."),
            DefaultPolicy));

        Assert.Equal(
            [("SITUATION_FORBIDS_BILAN", "situations[1]"), ("SITUATION_FORBIDS_BILAN", "situations[2]")],
            rule.Failures.Select(f => (f.Type, f.Subject)));
        Assert.Equal("SITUATION_KIND_CARER_LEAVE", rule.Metadata["situation"]);
        Assert.Contains("congé de proche aidant", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains("projet de transition professionnelle", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("congé sans solde", rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCanPlan_SickLeaveWithoutAgreementPolicyOff_Accepted() =>
        InterviewRules.EnsureCanPlan(BilanState.Investigation, InterviewPhase.Investigation, Monday, 60, [],
            TestInterviews.Situations("SickLeave 2026-05-01..2026-05-31"),
            new BilanPolicy { RequireDoctorAgreementDuringSickLeave = false });

    // A bilan that is over is refused as such, before its phase, hours or situations are looked at.
    [Fact]
    public void EnsureCanPlan_ClosedBilanWithEverythingWrong_NotAllowedInState()
    {
        var rule = Assert.Throws<RuleViolationException>(() => InterviewRules.EnsureCanPlan(
            BilanState.Closed, InterviewPhase.Preliminary, Monday, 1441, [],
            TestInterviews.Situations("MaternityLeave 2026-01-01.."), DefaultPolicy));

        Assert.Equal("INTERVIEW_NOT_ALLOWED_IN_STATE", rule.Reason);
    }

    [Fact]
    public void EnsureCanPlan_TooManyHoursOnAForbiddenDay_HoursReportedFirst()
    {
        var rule = Assert.Throws<RuleViolationException>(() => InterviewRules.EnsureCanPlan(
            BilanState.Preliminary, InterviewPhase.Preliminary, Monday, 1441, [],
            TestInterviews.Situations("MaternityLeave 2026-01-01.."), DefaultPolicy));

        Assert.Equal("PLANNED_HOURS_EXCEEDED", rule.Reason);
    }

    // ---- EnsureNoOverlap ----

    [Fact]
    public void EnsureNoOverlap_NoOverlappingInterview_Accepted()
    {
        InterviewRules.EnsureNoOverlap("consultant", null);
        InterviewRules.EnsureNoOverlap("beneficiary", null);
    }

    [Theory]
    [InlineData("consultant", "consultant")]
    [InlineData("beneficiary", "bénéficiaire")]
    public void EnsureNoOverlap_OverlappingInterview_OverlapNamingWhose(string whose, string frenchWhose)
    {
        var overlapping = TestInterviews.Make(InterviewPhase.Investigation, InterviewStatus.Scheduled, 90,
            start: new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));

        var rule = Assert.Throws<RuleViolationException>(() => InterviewRules.EnsureNoOverlap(whose, overlapping));

        Assert.Equal("INTERVIEW_OVERLAP", rule.Reason);
        Assert.Equal(new Dictionary<string, string> { ["overlapping_with"] = whose }, rule.Metadata);
        Assert.StartsWith($"The {whose} already has an interview", rule.Message, StringComparison.Ordinal);
        Assert.Contains("chevauche", rule.FrenchMessage, StringComparison.Ordinal);
        Assert.Contains(frenchWhose, rule.FrenchMessage, StringComparison.Ordinal);
    }

    // ---- EnsureScheduled ----

    [Theory]
    [InlineData(InterviewStatus.Scheduled, null)]
    [InlineData(InterviewStatus.Held, "INTERVIEW_STATUS_HELD")]
    [InlineData(InterviewStatus.Missed, "INTERVIEW_STATUS_MISSED")]
    [InlineData(InterviewStatus.Cancelled, "INTERVIEW_STATUS_CANCELLED")]
    [InlineData(InterviewStatus.Unspecified, "INTERVIEW_STATUS_UNSPECIFIED")]
    public void EnsureScheduled_EveryStatus_OnlyScheduledAccepted(InterviewStatus status, string? apiStatus)
    {
        var exception = Record.Exception(() => InterviewRules.EnsureScheduled(TestInterviews.Make(InterviewPhase.Preliminary, status, 60)));

        if (apiStatus is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("INTERVIEW_NOT_SCHEDULED", rule.Reason);
        Assert.Equal(new Dictionary<string, string> { ["interview_status"] = apiStatus }, rule.Metadata);
        Assert.Equal($"The interview is {apiStatus}: only a scheduled interview can change.", rule.Message);
        Assert.Equal("Cet entretien n'est plus planifié : il ne peut plus être modifié.", rule.FrenchMessage);
    }

    // ---- EnsureCanRecordOutcome ----

    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-05-04T10:00:00Z", InterviewStatus.Scheduled, null)]
    [InlineData("2026-05-04T09:00:00Z", InterviewStatus.Scheduled, null)]
    [InlineData("2026-04-20T14:00:00Z", InterviewStatus.Scheduled, null)]
    [InlineData("2026-05-04T10:01:00Z", InterviewStatus.Scheduled, "INTERVIEW_NOT_BEGUN")]
    [InlineData("2026-05-05T08:00:00Z", InterviewStatus.Scheduled, "INTERVIEW_NOT_BEGUN")]
    [InlineData("2026-05-04T09:00:00Z", InterviewStatus.Held, "INTERVIEW_NOT_SCHEDULED")]
    [InlineData("2026-05-04T09:00:00Z", InterviewStatus.Missed, "INTERVIEW_NOT_SCHEDULED")]
    [InlineData("2026-05-04T09:00:00Z", InterviewStatus.Cancelled, "INTERVIEW_NOT_SCHEDULED")]
    [InlineData("2026-05-05T08:00:00Z", InterviewStatus.Cancelled, "INTERVIEW_NOT_SCHEDULED")]
    public void EnsureCanRecordOutcome_StartAndStatus_RecordedOnceBegunAndScheduled(string start, InterviewStatus status, string? reason)
    {
        var interview = TestInterviews.Make(InterviewPhase.Investigation, status, 60, start: TestInterviews.Instant(start));

        var exception = Record.Exception(() => InterviewRules.EnsureCanRecordOutcome(interview, Now, 60, []));

        if (reason is null)
        {
            Assert.Null(exception);
            return;
        }

        Assert.Equal(reason, Assert.IsType<RuleViolationException>(exception).Reason);
    }

    [Fact]
    public void EnsureCanRecordOutcome_NotBegun_MetadataGivesStartTime()
    {
        var interview = TestInterviews.Make(InterviewPhase.Investigation, InterviewStatus.Scheduled, 60,
            start: new DateTimeOffset(2026, 5, 4, 14, 30, 0, TimeSpan.Zero));

        var rule = Assert.Throws<RuleViolationException>(() => InterviewRules.EnsureCanRecordOutcome(interview, Now, 60, []));

        Assert.Equal(new Dictionary<string, string> { ["start_time"] = "2026-05-04T14:30:00.0000000+00:00" }, rule.Metadata);
        Assert.Equal("The interview starts at 2026-05-04 14:30 UTC: its outcome can be recorded once it has begun.", rule.Message);
        Assert.Equal("Cet entretien n'a pas encore commencé : son issue ne peut pas encore être saisie.", rule.FrenchMessage);
    }

    // Expected: null when recorded, or the held minutes the refusal states.
    [Theory]
    [InlineData("Preliminary Held 480; Investigation Held 480; Investigation Held 420", 60, null)]
    [InlineData("Preliminary Held 480; Investigation Held 480; Investigation Held 420", 61, "1441")]
    [InlineData("Preliminary Held 480; Investigation Held 480; Investigation Held 480", null, null)]
    [InlineData("Preliminary Held 480; Investigation Held 480; Investigation Held 480", 1, "1441")]
    // Only held interviews count, by their held minutes.
    [InlineData("Preliminary Held 60/480; Investigation Held 60/480; Investigation Held 60/420", 61, "1441")]
    [InlineData("Preliminary Held 480/60; Investigation Held 480; Investigation Held 420", 480, null)]
    [InlineData("Preliminary Held 480/60; Investigation Held 480; Investigation Held 420", 481, "1441")]
    [InlineData("Preliminary Held 480; Investigation Held 480; Investigation Scheduled 480; Investigation Missed 480/480; Investigation Cancelled 480/480", 480, null)]
    public void EnsureCanRecordOutcome_HeldMinutes_RefusedAbove1440(string others, int? heldMinutes, string? heldTotal)
    {
        var interview = TestInterviews.Make(InterviewPhase.Conclusion, InterviewStatus.Scheduled, 480, start: Now.AddHours(-8));

        var exception = Record.Exception(() => InterviewRules.EnsureCanRecordOutcome(interview, Now, heldMinutes, TestInterviews.Parse(others)));

        if (heldTotal is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("HELD_HOURS_EXCEEDED", rule.Reason);
        Assert.Equal(new Dictionary<string, string> { ["held_minutes"] = heldTotal, ["article"] = "L6313-4" }, rule.Metadata);
        Assert.Contains("L6313-4", rule.Message, StringComparison.Ordinal);
        Assert.Contains("article L6313-4 du Code du travail", rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCanRecordOutcome_1441HeldMinutes_MessagesStateHours()
    {
        var interview = TestInterviews.Make(InterviewPhase.Conclusion, InterviewStatus.Scheduled, 90, start: Now.AddHours(-2));

        var rule = Assert.Throws<RuleViolationException>(() => InterviewRules.EnsureCanRecordOutcome(
            interview, Now, 61, TestInterviews.Parse("Preliminary Held 480; Investigation Held 480; Investigation Held 420")));

        Assert.Equal(
            "This would bring the held accompaniment to 24.02 hours, above the 24 hours of Code du travail L6313-4.",
            rule.Message);
        Assert.Equal(
            "Les heures réalisées passeraient à 24.02 h, au-delà des 24 h de l'article L6313-4 du Code du travail.",
            rule.FrenchMessage);
    }
}
