using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;
using Bilan.Domain.Eligibility;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Eligibility;

public sealed class EligibilityRulesTests
{
    private static readonly BilanPolicy DefaultPolicy = new();

    // DOMAIN.md, "When it may take place", with the default policy and no doctor's agreement recorded.
    private static readonly Dictionary<SituationKind, (string Rule, bool Blocking)> ExpectedByKind = new()
    {
        [SituationKind.ParentalLeave] = ("SITUATION_ALLOWS_BILAN", false),
        [SituationKind.SickLeave] = ("SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT", true),
        [SituationKind.TherapeuticPartTime] = ("SITUATION_ALLOWS_BILAN", false),
        [SituationKind.UnpaidLeave] = ("SITUATION_ALLOWS_BILAN", false),
        [SituationKind.SabbaticalLeave] = ("SITUATION_ALLOWS_BILAN", false),
        [SituationKind.MaternityLeave] = ("SITUATION_FORBIDS_BILAN", true),
        [SituationKind.CarerLeave] = ("SITUATION_FORBIDS_BILAN", true),
        [SituationKind.TransitionProject] = ("SITUATION_FORBIDS_BILAN", true),
    };

    // Planned periods against a situation from 2026-04-01 to 2026-04-30, both days included.
    private static readonly (string From, string To, bool Overlaps)[] Windows =
    [
        ("2026-03-20", "2026-03-31", false),
        ("2026-03-20", "2026-04-01", true),
        ("2026-04-10", "2026-04-10", true),
        ("2026-04-30", "2026-05-10", true),
        ("2026-05-01", "2026-05-10", false),
        ("2026-03-01", "2026-06-30", true),
    ];

    public static TheoryData<SituationKind, string, string, bool> EveryKindAndWindow()
    {
        var data = new TheoryData<SituationKind, string, string, bool>();
        foreach (var kind in ExpectedByKind.Keys)
        {
            foreach (var (from, to, overlaps) in Windows)
            {
                data.Add(kind, from, to, overlaps);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindAndWindow))]
    public void Check_EveryKindAndPeriod_ReasonOnlyWhenOverlappingAndBlockingPerKind(SituationKind kind, string from, string to, bool overlaps)
    {
        var situation = new SituationPeriod(kind, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), false);

        var verdict = EligibilityRules.Check([situation], TestInterviews.Date(from), TestInterviews.Date(to), DefaultPolicy);

        if (!overlaps)
        {
            Assert.Empty(verdict.Reasons);
            Assert.True(verdict.Eligible);
            return;
        }

        var reason = Assert.Single(verdict.Reasons);
        var (rule, blocking) = ExpectedByKind[kind];
        Assert.Equal(rule, reason.Rule);
        Assert.Equal(blocking, reason.Blocking);
        Assert.Equal(!blocking, verdict.Eligible);
        Assert.Equal(0, reason.SituationIndex);
        Assert.Equal(kind, reason.Kind);
        Assert.Equal(new DateOnly(2026, 4, 1), reason.Start);
        Assert.Equal(new DateOnly(2026, 4, 30), reason.End);
        Assert.Contains($"pendant un {FrenchNames.Of(kind)} (du 01/04/2026 au 30/04/2026)", reason.FrenchDescription, StringComparison.Ordinal);
        Assert.Contains("from 2026-04-01 to 2026-04-30", reason.Description, StringComparison.Ordinal);
        if (kind != SituationKind.SickLeave)
        {
            Assert.Contains(ApiNames.Of(kind), reason.Description, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(SituationKind.MaternityLeave,
        "No bilan may take place during SITUATION_KIND_MATERNITY_LEAVE (from 2026-04-01 to 2026-04-30).",
        "Aucun bilan ne peut avoir lieu pendant un congé maternité (du 01/04/2026 au 30/04/2026).")]
    [InlineData(SituationKind.CarerLeave,
        "No bilan may take place during SITUATION_KIND_CARER_LEAVE (from 2026-04-01 to 2026-04-30).",
        "Aucun bilan ne peut avoir lieu pendant un congé de proche aidant (du 01/04/2026 au 30/04/2026).")]
    [InlineData(SituationKind.TransitionProject,
        "No bilan may take place during SITUATION_KIND_TRANSITION_PROJECT (from 2026-04-01 to 2026-04-30).",
        "Aucun bilan ne peut avoir lieu pendant un projet de transition professionnelle (du 01/04/2026 au 30/04/2026).")]
    [InlineData(SituationKind.SickLeave,
        "A bilan during sick leave (from 2026-04-01 to 2026-04-30) needs the treating doctor's written agreement, not recorded yet (provider policy).",
        "Un bilan pendant un arrêt de travail (du 01/04/2026 au 30/04/2026) demande l'accord écrit du médecin traitant, qui n'est pas enregistré.")]
    [InlineData(SituationKind.ParentalLeave,
        "A bilan may take place during SITUATION_KIND_PARENTAL_LEAVE (from 2026-04-01 to 2026-04-30).",
        "Un bilan peut avoir lieu pendant un congé parental (du 01/04/2026 au 30/04/2026).")]
    [InlineData(SituationKind.TherapeuticPartTime,
        "A bilan may take place during SITUATION_KIND_THERAPEUTIC_PART_TIME (from 2026-04-01 to 2026-04-30).",
        "Un bilan peut avoir lieu pendant un mi-temps thérapeutique (du 01/04/2026 au 30/04/2026).")]
    public void Check_OverlappingSituation_ExactMessages(SituationKind kind, string english, string french)
    {
        var reason = Assert.Single(EligibilityRules.Check(
            [new SituationPeriod(kind, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), false)],
            new DateOnly(2026, 4, 15), new DateOnly(2026, 4, 15), DefaultPolicy).Reasons);

        Assert.Equal(english, reason.Description);
        Assert.Equal(french, reason.FrenchDescription);
    }

    [Theory]
    [InlineData(false, true, "SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT", true)]
    [InlineData(true, true, "SITUATION_ALLOWS_BILAN", false)]
    [InlineData(false, false, "SITUATION_ALLOWS_BILAN", false)]
    [InlineData(true, false, "SITUATION_ALLOWS_BILAN", false)]
    public void Check_SickLeave_BlockingOnlyWithoutAgreementWhenPolicyRequiresIt(
        bool doctorAgreement, bool requireAgreement, string rule, bool blocking)
    {
        var verdict = EligibilityRules.Check(
            [new SituationPeriod(SituationKind.SickLeave, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), doctorAgreement)],
            new DateOnly(2026, 4, 15), new DateOnly(2026, 5, 15),
            new BilanPolicy { RequireDoctorAgreementDuringSickLeave = requireAgreement });

        var reason = Assert.Single(verdict.Reasons);
        Assert.Equal((rule, blocking), (reason.Rule, reason.Blocking));
        Assert.Equal(!blocking, verdict.Eligible);
        Assert.Contains("arrêt de travail (du 01/04/2026 au 30/04/2026)", reason.FrenchDescription, StringComparison.Ordinal);
    }

    // An open-ended situation from 2026-04-01.
    [Theory]
    [InlineData("2026-03-01", "2026-03-31", false)]
    [InlineData("2026-03-01", "2026-04-01", true)]
    [InlineData("2026-04-01", "2026-04-01", true)]
    [InlineData("2030-01-01", "2030-12-31", true)]
    public void Check_OpenEndedSituation_OverlapsEverythingFromItsStart(string from, string to, bool overlaps)
    {
        var verdict = EligibilityRules.Check(
            [new SituationPeriod(SituationKind.CarerLeave, new DateOnly(2026, 4, 1), null, false)],
            TestInterviews.Date(from), TestInterviews.Date(to), DefaultPolicy);

        Assert.Equal(!overlaps, verdict.Eligible);
        if (overlaps)
        {
            var reason = Assert.Single(verdict.Reasons);
            Assert.Null(reason.End);
            Assert.Equal(
                "Aucun bilan ne peut avoir lieu pendant un congé de proche aidant (depuis le 01/04/2026, sans date de fin).",
                reason.FrenchDescription);
            Assert.Equal("No bilan may take place during SITUATION_KIND_CARER_LEAVE (from 2026-04-01, no end date).", reason.Description);
        }
        else
        {
            Assert.Empty(verdict.Reasons);
        }
    }

    // The planned period is 2026-05-04 to 2026-05-29. "now" situations cover it, "past" ones ended before it.
    [Theory]
    [InlineData("", true, "")]
    [InlineData("ParentalLeave now; UnpaidLeave now", true, "0:SITUATION_ALLOWS_BILAN,1:SITUATION_ALLOWS_BILAN")]
    [InlineData("ParentalLeave now; MaternityLeave past; CarerLeave now", false, "0:SITUATION_ALLOWS_BILAN,2:SITUATION_FORBIDS_BILAN")]
    [InlineData("MaternityLeave past; CarerLeave past; TransitionProject past", true, "")]
    [InlineData("SickLeave now agreed; TherapeuticPartTime now", true, "0:SITUATION_ALLOWS_BILAN,1:SITUATION_ALLOWS_BILAN")]
    [InlineData("SabbaticalLeave now; SickLeave now", false, "0:SITUATION_ALLOWS_BILAN,1:SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT")]
    [InlineData("SickLeave past; TransitionProject now; MaternityLeave now", false, "1:SITUATION_FORBIDS_BILAN,2:SITUATION_FORBIDS_BILAN")]
    public void Check_SeveralSituations_EveryOverlappingOneListedEligibleIffNoneBlocks(string situations, bool eligible, string reasons)
    {
        var periods = situations
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(item => item.Split(' '))
            .Select(parts => new SituationPeriod(
                Enum.Parse<SituationKind>(parts[0]),
                parts[1] == "now" ? new DateOnly(2026, 1, 1) : new DateOnly(2025, 1, 1),
                parts[1] == "now" ? new DateOnly(2026, 12, 31) : new DateOnly(2025, 12, 31),
                parts.Length > 2))
            .ToList();

        var verdict = EligibilityRules.Check(periods, new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 29), DefaultPolicy);

        Assert.Equal(eligible, verdict.Eligible);
        Assert.Equal(reasons, string.Join(",", verdict.Reasons.Select(r => $"{r.SituationIndex}:{r.Rule}")));
        Assert.Equal(eligible, !verdict.Reasons.Any(r => r.Blocking));
    }
}
