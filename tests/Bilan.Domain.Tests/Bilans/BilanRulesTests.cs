using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Bilans;

public sealed class BilanRulesTests
{
    private static readonly BilanPolicy DefaultPolicy = new();

    private static readonly BilanPlan ValidPlan = new(
        WorkingTime.Outside, FundingSource.Cpf, 20, new DateOnly(2026, 3, 2), new DateOnly(2026, 6, 30));

    [Fact]
    public void Validate_CompletePlan_NoViolation() => Assert.Empty(BilanRules.Validate(ValidPlan, DefaultPolicy));

    [Fact]
    public void Validate_NoPlannedDates_NoViolation() =>
        Assert.Empty(BilanRules.Validate(ValidPlan with { PlannedStartDate = null, PlannedEndDate = null }, DefaultPolicy));

    [Theory]
    [InlineData(13)]
    [InlineData(18)]
    [InlineData(24)]
    public void Validate_PlannedHoursWithinLegalRange_NoViolation(int hours) =>
        Assert.Empty(BilanRules.Validate(ValidPlan with { PlannedHours = hours }, DefaultPolicy));

    [Theory]
    [InlineData(12)]
    [InlineData(25)]
    [InlineData(0)]
    [InlineData(-13)]
    public void Validate_PlannedHoursOutOfRange_OutOfRangeCitingL6313_4(int hours) =>
        AssertSingle(ValidPlan with { PlannedHours = hours }, DefaultPolicy,
            new FieldViolation("planned_hours", "OUT_OF_RANGE",
                "Must be between 13 (minimum effective accompaniment, provider policy) and 24 hours " +
                "(maximum per bilan, Code du travail L6313-4).",
                "La durée prévue doit être comprise entre 13 h (minimum d'accompagnement effectif) et 24 h " +
                "(maximum par bilan, article L6313-4 du Code du travail)."));

    [Fact]
    public void Validate_PolicyMinimumTenAndTenHours_NoViolation() =>
        Assert.Empty(BilanRules.Validate(ValidPlan with { PlannedHours = 10 }, new BilanPolicy { MinimumEffectiveHours = 10 }));

    [Fact]
    public void Validate_PolicyMinimumTenAndNineHours_MessageCitesPolicyMinimum() =>
        AssertSingle(ValidPlan with { PlannedHours = 9 }, new BilanPolicy { MinimumEffectiveHours = 10 },
            new FieldViolation("planned_hours", "OUT_OF_RANGE",
                "Must be between 10 (minimum effective accompaniment, provider policy) and 24 hours " +
                "(maximum per bilan, Code du travail L6313-4).",
                "La durée prévue doit être comprise entre 10 h (minimum d'accompagnement effectif) et 24 h " +
                "(maximum par bilan, article L6313-4 du Code du travail)."));

    [Fact]
    public void Validate_PolicyMinimumTenAnd25Hours_LegalMaximumStillApplies() =>
        Assert.Equal("OUT_OF_RANGE", Assert.Single(BilanRules.Validate(
            ValidPlan with { PlannedHours = 25 }, new BilanPolicy { MinimumEffectiveHours = 10 })).Reason);

    [Fact]
    public void Validate_WorkingTimeUnspecified_Required() =>
        AssertSingle(ValidPlan with { WorkingTime = WorkingTime.Unspecified }, DefaultPolicy,
            new FieldViolation("working_time", "REQUIRED", "Required.", "Le temps de travail est obligatoire."));

    [Fact]
    public void Validate_WorkingTimeUnknownNumber_UnknownValue() =>
        AssertSingle(ValidPlan with { WorkingTime = (WorkingTime)7 }, DefaultPolicy,
            new FieldViolation("working_time", "UNKNOWN_VALUE", "Unknown value 7.", "Le temps de travail : valeur inconnue."));

    [Fact]
    public void Validate_FundingSourceUnspecified_Required() =>
        AssertSingle(ValidPlan with { FundingSource = FundingSource.Unspecified }, DefaultPolicy,
            new FieldViolation("funding_source", "REQUIRED", "Required.", "Le financement est obligatoire."));

    [Fact]
    public void Validate_FundingSourceUnknownNumber_UnknownValue() =>
        AssertSingle(ValidPlan with { FundingSource = (FundingSource)12 }, DefaultPolicy,
            new FieldViolation("funding_source", "UNKNOWN_VALUE", "Unknown value 12.", "Le financement : valeur inconnue."));

    [Fact]
    public void Validate_EndBeforeStart_EndBeforeStart() =>
        AssertSingle(ValidPlan with { PlannedStartDate = new DateOnly(2026, 3, 2), PlannedEndDate = new DateOnly(2026, 3, 1) }, DefaultPolicy,
            new FieldViolation("planned_end_date", "END_BEFORE_START", "Must be on or after planned_start_date.",
                "La date de fin prévue doit être égale ou postérieure à la date de début prévue."));

    [Theory]
    [InlineData("2026-03-02", "2026-03-02")]
    [InlineData(null, "2026-03-01")]
    [InlineData("2026-03-02", null)]
    public void Validate_EndOnStartOrOneDateMissing_NoViolation(string? start, string? end) =>
        Assert.Empty(BilanRules.Validate(ValidPlan with { PlannedStartDate = DateOrNull(start), PlannedEndDate = DateOrNull(end) }, DefaultPolicy));

    [Fact]
    public void Validate_EveryFieldWrong_AllReportedAtOnce()
    {
        var plan = new BilanPlan(WorkingTime.Unspecified, FundingSource.Unspecified, 30, new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1));

        Assert.Equal(
            [
                ("working_time", "REQUIRED"),
                ("funding_source", "REQUIRED"),
                ("planned_hours", "OUT_OF_RANGE"),
                ("planned_end_date", "END_BEFORE_START"),
            ],
            BilanRules.Validate(plan, DefaultPolicy).Select(v => (v.Field, v.Reason)));
    }

    // Working time against the public, with a funding source every public may use.
    [Theory]
    [InlineData(PublicCategory.Employee, WorkingTime.During, false)]
    [InlineData(PublicCategory.Employee, WorkingTime.PartlyDuring, false)]
    [InlineData(PublicCategory.Employee, WorkingTime.Outside, false)]
    [InlineData(PublicCategory.PublicAgent, WorkingTime.During, false)]
    [InlineData(PublicCategory.PublicAgent, WorkingTime.PartlyDuring, false)]
    [InlineData(PublicCategory.PublicAgent, WorkingTime.Outside, false)]
    [InlineData(PublicCategory.SelfEmployed, WorkingTime.During, true)]
    [InlineData(PublicCategory.SelfEmployed, WorkingTime.PartlyDuring, true)]
    [InlineData(PublicCategory.SelfEmployed, WorkingTime.Outside, false)]
    [InlineData(PublicCategory.JobSeeker, WorkingTime.During, true)]
    [InlineData(PublicCategory.JobSeeker, WorkingTime.PartlyDuring, true)]
    [InlineData(PublicCategory.JobSeeker, WorkingTime.Outside, false)]
    [InlineData(PublicCategory.PrivateIndividual, WorkingTime.During, true)]
    [InlineData(PublicCategory.PrivateIndividual, WorkingTime.PartlyDuring, true)]
    [InlineData(PublicCategory.PrivateIndividual, WorkingTime.Outside, false)]
    public void EnsureFitsBeneficiary_WorkingTimeByPublic_RefusedOnlyOnWorkingTimeWithoutEmployer(
        PublicCategory category, WorkingTime workingTime, bool refused)
    {
        var exception = Record.Exception(() =>
            BilanRules.EnsureFitsBeneficiary(ValidPlan with { WorkingTime = workingTime, FundingSource = FundingSource.Personal }, category));

        if (!refused)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("WORKING_TIME_NEEDS_EMPLOYMENT", rule.Reason);
        Assert.Equal(
            new Dictionary<string, string> { ["public_category"] = ApiNames.Of(category), ["working_time"] = ApiNames.Of(workingTime) },
            rule.Metadata);
        Assert.Equal(
            $"A bilan on working time needs an employed beneficiary (employee or public agent); this one is {ApiNames.Of(category)}.",
            rule.Message);
        Assert.Equal("Un bilan sur le temps de travail suppose un bénéficiaire salarié ou agent public.", rule.FrenchMessage);
    }

    // Funding source against the public, outside working time.
    [Theory]
    [InlineData(PublicCategory.Employee, FundingSource.Cpf, null)]
    [InlineData(PublicCategory.Employee, FundingSource.EmployerPlan, null)]
    [InlineData(PublicCategory.Employee, FundingSource.Opco, null)]
    [InlineData(PublicCategory.Employee, FundingSource.FranceTravail, "France Travail")]
    [InlineData(PublicCategory.Employee, FundingSource.Personal, null)]
    [InlineData(PublicCategory.Employee, FundingSource.CoFunded, null)]
    [InlineData(PublicCategory.PublicAgent, FundingSource.Cpf, null)]
    [InlineData(PublicCategory.PublicAgent, FundingSource.EmployerPlan, null)]
    [InlineData(PublicCategory.PublicAgent, FundingSource.Opco, null)]
    [InlineData(PublicCategory.PublicAgent, FundingSource.FranceTravail, "France Travail")]
    [InlineData(PublicCategory.PublicAgent, FundingSource.Personal, null)]
    [InlineData(PublicCategory.PublicAgent, FundingSource.CoFunded, null)]
    [InlineData(PublicCategory.SelfEmployed, FundingSource.Cpf, null)]
    [InlineData(PublicCategory.SelfEmployed, FundingSource.EmployerPlan, "employer's plan")]
    [InlineData(PublicCategory.SelfEmployed, FundingSource.Opco, null)]
    [InlineData(PublicCategory.SelfEmployed, FundingSource.FranceTravail, "France Travail")]
    [InlineData(PublicCategory.SelfEmployed, FundingSource.Personal, null)]
    [InlineData(PublicCategory.SelfEmployed, FundingSource.CoFunded, null)]
    [InlineData(PublicCategory.JobSeeker, FundingSource.Cpf, null)]
    [InlineData(PublicCategory.JobSeeker, FundingSource.EmployerPlan, "employer's plan")]
    [InlineData(PublicCategory.JobSeeker, FundingSource.Opco, null)]
    [InlineData(PublicCategory.JobSeeker, FundingSource.FranceTravail, null)]
    [InlineData(PublicCategory.JobSeeker, FundingSource.Personal, null)]
    [InlineData(PublicCategory.JobSeeker, FundingSource.CoFunded, null)]
    [InlineData(PublicCategory.PrivateIndividual, FundingSource.Cpf, null)]
    [InlineData(PublicCategory.PrivateIndividual, FundingSource.EmployerPlan, "employer's plan")]
    [InlineData(PublicCategory.PrivateIndividual, FundingSource.Opco, null)]
    [InlineData(PublicCategory.PrivateIndividual, FundingSource.FranceTravail, "France Travail")]
    [InlineData(PublicCategory.PrivateIndividual, FundingSource.Personal, null)]
    [InlineData(PublicCategory.PrivateIndividual, FundingSource.CoFunded, null)]
    public void EnsureFitsBeneficiary_FundingSourceByPublic_RefusedWhenFunderExcludesThePublic(
        PublicCategory category, FundingSource fundingSource, string? funderInMessage)
    {
        var exception = Record.Exception(() =>
            BilanRules.EnsureFitsBeneficiary(ValidPlan with { WorkingTime = WorkingTime.Outside, FundingSource = fundingSource }, category));

        if (funderInMessage is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("FUNDING_SOURCE_NOT_ALLOWED", rule.Reason);
        Assert.Equal(
            new Dictionary<string, string> { ["public_category"] = ApiNames.Of(category), ["funding_source"] = ApiNames.Of(fundingSource) },
            rule.Metadata);
        Assert.Contains(funderInMessage, rule.Message, StringComparison.Ordinal);
        Assert.EndsWith($"this beneficiary is {ApiNames.Of(category)}.", rule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureFitsBeneficiary_EmployerPlanForJobSeeker_MessagesAndMetadata()
    {
        var rule = Assert.Throws<RuleViolationException>(() => BilanRules.EnsureFitsBeneficiary(
            ValidPlan with { FundingSource = FundingSource.EmployerPlan }, PublicCategory.JobSeeker));

        Assert.Equal("FUNDING_SOURCE_NOT_ALLOWED", rule.Reason);
        Assert.Equal("The employer's plan funds only employees and public agents; this beneficiary is PUBLIC_CATEGORY_JOB_SEEKER.", rule.Message);
        Assert.Equal("Le plan de développement des compétences de l'employeur ne finance que les salariés et agents publics.", rule.FrenchMessage);
        Assert.Equal(
            new Dictionary<string, string> { ["public_category"] = "PUBLIC_CATEGORY_JOB_SEEKER", ["funding_source"] = "FUNDING_SOURCE_EMPLOYER_PLAN" },
            rule.Metadata);
    }

    [Fact]
    public void EnsureFitsBeneficiary_FranceTravailForEmployee_MessagesAndMetadata()
    {
        var rule = Assert.Throws<RuleViolationException>(() => BilanRules.EnsureFitsBeneficiary(
            ValidPlan with { FundingSource = FundingSource.FranceTravail }, PublicCategory.Employee));

        Assert.Equal("FUNDING_SOURCE_NOT_ALLOWED", rule.Reason);
        Assert.Equal("France Travail funds bilans of job seekers only; this beneficiary is PUBLIC_CATEGORY_EMPLOYEE.", rule.Message);
        Assert.Equal("France Travail ne finance que les bilans des demandeurs d'emploi.", rule.FrenchMessage);
        Assert.Equal(
            new Dictionary<string, string> { ["public_category"] = "PUBLIC_CATEGORY_EMPLOYEE", ["funding_source"] = "FUNDING_SOURCE_FRANCE_TRAVAIL" },
            rule.Metadata);
    }

    [Fact]
    public void EnsureFitsBeneficiary_PartlyOnWorkingTimeForJobSeeker_MessagesAndMetadata()
    {
        var rule = Assert.Throws<RuleViolationException>(() => BilanRules.EnsureFitsBeneficiary(
            ValidPlan with { WorkingTime = WorkingTime.PartlyDuring, FundingSource = FundingSource.FranceTravail }, PublicCategory.JobSeeker));

        Assert.Equal("WORKING_TIME_NEEDS_EMPLOYMENT", rule.Reason);
        Assert.Equal(
            "A bilan on working time needs an employed beneficiary (employee or public agent); this one is PUBLIC_CATEGORY_JOB_SEEKER.",
            rule.Message);
        Assert.Equal(
            new Dictionary<string, string> { ["public_category"] = "PUBLIC_CATEGORY_JOB_SEEKER", ["working_time"] = "WORKING_TIME_PARTLY_DURING" },
            rule.Metadata);
    }

    [Fact]
    public void EnsureFitsBeneficiary_WorkingTimeAndFunderBothWrong_WorkingTimeReportedFirst()
    {
        var rule = Assert.Throws<RuleViolationException>(() => BilanRules.EnsureFitsBeneficiary(
            ValidPlan with { WorkingTime = WorkingTime.During, FundingSource = FundingSource.EmployerPlan }, PublicCategory.PrivateIndividual));

        Assert.Equal("WORKING_TIME_NEEDS_EMPLOYMENT", rule.Reason);
    }

    [Theory]
    [InlineData(BilanState.Requested)]
    [InlineData(BilanState.Preliminary)]
    [InlineData(BilanState.Investigation)]
    [InlineData(BilanState.Conclusion)]
    [InlineData(BilanState.Completed)]
    [InlineData(BilanState.FollowUp)]
    public void EnsureUpdatable_StateNotFinal_Accepted(BilanState state) =>
        Assert.Null(Record.Exception(() => BilanRules.EnsureUpdatable(state)));

    [Theory]
    [InlineData(BilanState.Closed, "STATE_CLOSED")]
    [InlineData(BilanState.Abandoned, "STATE_ABANDONED")]
    [InlineData(BilanState.Cancelled, "STATE_CANCELLED")]
    public void EnsureUpdatable_FinalState_BilanEnded(BilanState state, string apiName)
    {
        var rule = Assert.Throws<RuleViolationException>(() => BilanRules.EnsureUpdatable(state));

        Assert.Equal("BILAN_ENDED", rule.Reason);
        Assert.Equal($"The bilan is {apiName}: it can no longer be changed.", rule.Message);
        Assert.Equal("Ce bilan est terminé : il ne peut plus être modifié.", rule.FrenchMessage);
        Assert.Equal(new Dictionary<string, string> { ["state"] = apiName }, rule.Metadata);
    }

    [Theory]
    [InlineData(BilanState.Requested)]
    [InlineData(BilanState.Cancelled)]
    public void EnsureDeletable_NotStarted_Accepted(BilanState state) =>
        Assert.Null(Record.Exception(() => BilanRules.EnsureDeletable(state)));

    [Theory]
    [InlineData(BilanState.Preliminary, "STATE_PRELIMINARY")]
    [InlineData(BilanState.Investigation, "STATE_INVESTIGATION")]
    [InlineData(BilanState.Conclusion, "STATE_CONCLUSION")]
    [InlineData(BilanState.Completed, "STATE_COMPLETED")]
    [InlineData(BilanState.FollowUp, "STATE_FOLLOW_UP")]
    [InlineData(BilanState.Closed, "STATE_CLOSED")]
    [InlineData(BilanState.Abandoned, "STATE_ABANDONED")]
    public void EnsureDeletable_Started_BilanAlreadyStarted(BilanState state, string apiName)
    {
        var rule = Assert.Throws<RuleViolationException>(() => BilanRules.EnsureDeletable(state));

        Assert.Equal("BILAN_ALREADY_STARTED", rule.Reason);
        Assert.Equal(
            $"The bilan is {apiName}: only a bilan that has not started (REQUESTED or CANCELLED) can be deleted.",
            rule.Message);
        Assert.Equal("Ce bilan a commencé : seul un bilan non commencé peut être supprimé.", rule.FrenchMessage);
        Assert.Equal(new Dictionary<string, string> { ["state"] = apiName }, rule.Metadata);
    }

    private static DateOnly? DateOrNull(string? iso) =>
        iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static void AssertSingle(BilanPlan plan, BilanPolicy policy, FieldViolation expected) =>
        Assert.Equal(expected, Assert.Single(BilanRules.Validate(plan, policy)));
}
