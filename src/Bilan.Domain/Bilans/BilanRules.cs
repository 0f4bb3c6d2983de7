using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>The rules a bilan's plan must follow, on its own and against its beneficiary.</summary>
public static class BilanRules
{
    /// <summary>Every field violation of <paramref name="plan"/>, with paths relative to the bilan.</summary>
    public static IReadOnlyList<FieldViolation> Validate(BilanPlan plan, BilanPolicy policy)
    {
        var checks = new FieldChecks();
        checks.RequireDefined("working_time", plan.WorkingTime, "Le temps de travail");
        checks.RequireDefined("funding_source", plan.FundingSource, "Le financement");
        if (plan.PlannedHours < policy.MinimumEffectiveHours || plan.PlannedHours > BilanPolicy.MaximumHours)
        {
            checks.Add("planned_hours", "OUT_OF_RANGE",
                $"Must be between {policy.MinimumEffectiveHours} (minimum effective accompaniment, provider policy) " +
                $"and {BilanPolicy.MaximumHours} hours (maximum per bilan, Code du travail L6313-4).",
                $"La durée prévue doit être comprise entre {policy.MinimumEffectiveHours} h (minimum d'accompagnement " +
                $"effectif) et {BilanPolicy.MaximumHours} h (maximum par bilan, article L6313-4 du Code du travail).");
        }

        if (plan is { PlannedStartDate: { } start, PlannedEndDate: { } end } && end < start)
        {
            checks.Add("planned_end_date", "END_BEFORE_START", "Must be on or after planned_start_date.",
                "La date de fin prévue doit être égale ou postérieure à la date de début prévue.");
        }

        return checks.Violations;
    }

    /// <summary>
    /// Refuses a plan that does not fit the beneficiary's public: working time and the employer's plan
    /// need an employer; France Travail funds job seekers (aide individuelle à la formation).
    /// </summary>
    public static void EnsureFitsBeneficiary(BilanPlan plan, PublicCategory category)
    {
        if (plan.WorkingTime is WorkingTime.During or WorkingTime.PartlyDuring && !category.IsEmployed())
        {
            throw new RuleViolationException(
                "WORKING_TIME_NEEDS_EMPLOYMENT",
                $"A bilan on working time needs an employed beneficiary (employee or public agent); this one is {ApiNames.Of(category)}.",
                "Un bilan sur le temps de travail suppose un bénéficiaire salarié ou agent public.",
                new Dictionary<string, string> { ["public_category"] = ApiNames.Of(category), ["working_time"] = ApiNames.Of(plan.WorkingTime) });
        }

        if (plan.FundingSource == FundingSource.EmployerPlan && !category.IsEmployed())
        {
            throw new RuleViolationException(
                "FUNDING_SOURCE_NOT_ALLOWED",
                $"The employer's plan funds only employees and public agents; this beneficiary is {ApiNames.Of(category)}.",
                "Le plan de développement des compétences de l'employeur ne finance que les salariés et agents publics.",
                new Dictionary<string, string> { ["public_category"] = ApiNames.Of(category), ["funding_source"] = ApiNames.Of(plan.FundingSource) });
        }

        if (plan.FundingSource == FundingSource.FranceTravail && category != PublicCategory.JobSeeker)
        {
            throw new RuleViolationException(
                "FUNDING_SOURCE_NOT_ALLOWED",
                $"France Travail funds bilans of job seekers only; this beneficiary is {ApiNames.Of(category)}.",
                "France Travail ne finance que les bilans des demandeurs d'emploi.",
                new Dictionary<string, string> { ["public_category"] = ApiNames.Of(category), ["funding_source"] = ApiNames.Of(plan.FundingSource) });
        }
    }

    /// <summary>A bilan in a final state is history: it is no longer changed.</summary>
    public static void EnsureUpdatable(BilanState state)
    {
        if (state.IsFinal())
        {
            throw new RuleViolationException(
                "BILAN_ENDED",
                $"The bilan is {ApiNames.Of(state)}: it can no longer be changed.",
                "Ce bilan est terminé : il ne peut plus être modifié.",
                new Dictionary<string, string> { ["state"] = ApiNames.Of(state) });
        }
    }

    /// <summary>Only a bilan that has not started may be deleted; a started one ends by abandon or completion.</summary>
    public static void EnsureDeletable(BilanState state)
    {
        if (state.HasStarted())
        {
            throw new RuleViolationException(
                "BILAN_ALREADY_STARTED",
                $"The bilan is {ApiNames.Of(state)}: only a bilan that has not started (REQUESTED or CANCELLED) can be deleted.",
                "Ce bilan a commencé : seul un bilan non commencé peut être supprimé.",
                new Dictionary<string, string> { ["state"] = ApiNames.Of(state) });
        }
    }
}
