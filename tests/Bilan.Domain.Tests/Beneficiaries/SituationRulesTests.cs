using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Beneficiaries;

public sealed class SituationRulesTests
{
    private static readonly DateOnly January1 = new(2025, 1, 1);

    [Fact]
    public void Validate_NoPeriod_NoViolation() => Assert.Empty(SituationRules.Validate([]));

    [Fact]
    public void Validate_SeveralValidPeriods_NoViolation() =>
        Assert.Empty(SituationRules.Validate(
        [
            new SituationPeriod(SituationKind.SickLeave, January1, new DateOnly(2025, 1, 31), true),
            new SituationPeriod(SituationKind.TherapeuticPartTime, new DateOnly(2025, 2, 1), null, false),
            new SituationPeriod(SituationKind.SickLeave, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1), false),
        ]));

    [Fact]
    public void Validate_KindUnspecified_Required() =>
        AssertSingle([Period(SituationKind.Unspecified, January1, null)],
            new FieldViolation("situations[0].kind", "REQUIRED", "Required.", "Le type de situation est obligatoire."));

    [Fact]
    public void Validate_KindUnknownNumber_UnknownValue() =>
        AssertSingle([Period(SituationKind.SickLeave, January1, null), Period((SituationKind)42, January1, null)],
            new FieldViolation("situations[1].kind", "UNKNOWN_VALUE", "Unknown value 42.", "Le type de situation : valeur inconnue."));

    [Fact]
    public void Validate_EndBeforeStart_EndBeforeStart() =>
        AssertSingle([Period(SituationKind.UnpaidLeave, new DateOnly(2025, 3, 2), new DateOnly(2025, 3, 1))],
            new FieldViolation("situations[0].end_date", "END_BEFORE_START", "Must be on or after start_date.",
                "La date de fin doit être égale ou postérieure à la date de début."));

    [Fact]
    public void Validate_OneDayPeriod_NoViolation() =>
        Assert.Empty(SituationRules.Validate([Period(SituationKind.UnpaidLeave, January1, January1)]));

    [Fact]
    public void Validate_DoctorAgreementOnSickLeave_NoViolation() =>
        Assert.Empty(SituationRules.Validate([new SituationPeriod(SituationKind.SickLeave, January1, null, DoctorAgreement: true)]));

    [Theory]
    [InlineData(SituationKind.ParentalLeave)]
    [InlineData(SituationKind.TherapeuticPartTime)]
    [InlineData(SituationKind.UnpaidLeave)]
    [InlineData(SituationKind.SabbaticalLeave)]
    [InlineData(SituationKind.MaternityLeave)]
    [InlineData(SituationKind.CarerLeave)]
    [InlineData(SituationKind.TransitionProject)]
    public void Validate_DoctorAgreementOnOtherKind_NotApplicable(SituationKind kind) =>
        AssertSingle([new SituationPeriod(kind, January1, null, DoctorAgreement: true)],
            new FieldViolation("situations[0].doctor_agreement", "NOT_APPLICABLE", "Only recorded for a sick leave.",
                "L'accord du médecin ne concerne que l'arrêt de travail."));

    [Theory]
    [InlineData("2025-01-01", "2025-01-31", "2025-01-31", "2025-02-10")] // B starts on A's last day (ends are inclusive).
    [InlineData("2025-01-10", "2025-01-31", "2025-01-01", "2025-01-10")] // B ends on A's first day.
    [InlineData("2025-01-01", "2025-12-31", "2025-03-01", "2025-03-31")] // B inside A.
    [InlineData("2025-03-01", "2025-03-31", "2025-01-01", "2025-12-31")] // A inside B.
    [InlineData("2025-01-01", "2025-01-31", "2025-01-01", "2025-01-31")] // Same dates.
    [InlineData("2025-01-01", null, "2030-06-01", "2030-06-30")] // A open-ended, B years later.
    [InlineData("2025-06-01", "2025-06-30", "2020-01-01", null)] // B open-ended, started before A.
    [InlineData("2025-01-01", null, "2026-01-01", null)] // Both open-ended.
    public void Validate_SameKindOverlapping_Overlap(string startA, string? endA, string startB, string? endB) =>
        AssertSingle(
            [Period(SituationKind.SickLeave, Date(startA), DateOrNull(endA)), Period(SituationKind.SickLeave, Date(startB), DateOrNull(endB))],
            new FieldViolation("situations[1]", "OVERLAP", "Overlaps situations[0], a period of the same kind.",
                "Cette période chevauche la période n° 1 du même type."));

    [Theory]
    [InlineData("2025-01-01", "2025-01-31", "2025-02-01", "2025-02-10")] // B starts the day after A ends.
    [InlineData("2025-02-01", "2025-02-10", "2025-01-01", "2025-01-31")] // B ends the day before A starts.
    [InlineData("2025-01-01", "2025-01-31", "2025-02-01", null)] // B open-ended, after A.
    [InlineData("2025-02-01", null, "2025-01-01", "2025-01-31")] // A open-ended, after B.
    public void Validate_SameKindNotOverlapping_NoViolation(string startA, string? endA, string startB, string? endB) =>
        Assert.Empty(SituationRules.Validate(
            [Period(SituationKind.SickLeave, Date(startA), DateOrNull(endA)), Period(SituationKind.SickLeave, Date(startB), DateOrNull(endB))]));

    [Theory]
    [InlineData(SituationKind.SickLeave, SituationKind.TherapeuticPartTime)]
    [InlineData(SituationKind.ParentalLeave, SituationKind.MaternityLeave)]
    [InlineData(SituationKind.UnpaidLeave, SituationKind.CarerLeave)]
    [InlineData(SituationKind.SabbaticalLeave, SituationKind.TransitionProject)]
    public void Validate_DifferentKindsOverlapping_NoViolation(SituationKind first, SituationKind second) =>
        Assert.Empty(SituationRules.Validate(
            [Period(first, January1, null), Period(second, new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28))]));

    [Fact]
    public void Validate_OverlapWithEarlierPeriodOfSameKind_NamesThatPeriod()
    {
        var violations = SituationRules.Validate(
        [
            Period(SituationKind.SickLeave, January1, new DateOnly(2025, 1, 31)),
            Period(SituationKind.UnpaidLeave, January1, new DateOnly(2025, 12, 31)),
            Period(SituationKind.UnpaidLeave, new DateOnly(2026, 1, 1), null),
            Period(SituationKind.SickLeave, new DateOnly(2025, 1, 15), new DateOnly(2025, 1, 20)),
        ]);

        Assert.Equal(
            new FieldViolation("situations[3]", "OVERLAP", "Overlaps situations[0], a period of the same kind.",
                "Cette période chevauche la période n° 1 du même type."),
            Assert.Single(violations));
    }

    [Fact]
    public void Validate_PeriodOverlappingTwoOthers_OneViolationForEach()
    {
        var violations = SituationRules.Validate(
        [
            Period(SituationKind.SabbaticalLeave, January1, new DateOnly(2025, 1, 31)),
            Period(SituationKind.SabbaticalLeave, new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)),
            Period(SituationKind.SabbaticalLeave, new DateOnly(2025, 1, 20), null),
        ]);

        Assert.Equal(
            [
                ("situations[2]", "OVERLAP", "Overlaps situations[0], a period of the same kind."),
                ("situations[2]", "OVERLAP", "Overlaps situations[1], a period of the same kind."),
            ],
            violations.Select(v => (v.Field, v.Reason, v.Description)));
    }

    [Fact]
    public void Validate_FiftyPeriods_NoViolation() => Assert.Empty(SituationRules.Validate(Days(50)));

    [Fact]
    public void Validate_FiftyOnePeriods_TooManyAndNothingElse()
    {
        // Even with bad periods inside, only the count is reported: the list is refused as a whole.
        var situations = Days(50).Append(Period(SituationKind.Unspecified, January1, new DateOnly(2024, 1, 1))).ToList();

        AssertSingle(situations,
            new FieldViolation("situations", "TOO_MANY", "At most 50 periods.", "Au plus 50 périodes de situation."));
    }

    private static List<SituationPeriod> Days(int count) =>
        Enumerable.Range(0, count).Select(i => Period(SituationKind.UnpaidLeave, January1.AddDays(i), January1.AddDays(i))).ToList();

    private static SituationPeriod Period(SituationKind kind, DateOnly start, DateOnly? end) => new(kind, start, end, false);

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly? DateOrNull(string? iso) => iso is null ? null : Date(iso);

    private static void AssertSingle(IReadOnlyList<SituationPeriod> situations, FieldViolation expected) =>
        Assert.Equal(expected, Assert.Single(SituationRules.Validate(situations)));
}
