using Bilan.Domain.Errors;

namespace Bilan.Domain.Funding;

/// <summary>
/// The tripartite convention between employer, employee and provider, required when the employer funds the bilan
/// through its plan de développement des compétences or during a congé de reclassement (Code du travail R6313-8).
/// </summary>
/// <remarks>
/// The employee has 10 days from receiving it to accept by signing; silence means refusal, and refusing is not a
/// fault. Counting, in calendar days: the day after receipt is day 1, so the deadline is the receipt date + 10;
/// on day 10 the employee may still sign, on day 11 silence has become refusal (DEEMED_REFUSED). Readings: a
/// signature after day 10 comes too late (a new convention is needed: DEEMED_REFUSED stays); an explicit refusal
/// on or before day 10 is REFUSED; a date after the day asked about is not yet known. SIGNED needs the three
/// signatures; once the employee has signed in time, the convention awaits the others' signatures with no deadline.
/// </remarks>
public static class TripartiteConvention
{
    public const int EmployeeDays = 10;
    public const int MaxTextLength = 4000;

    /// <summary>The mandatory content items, as (field, French name) in the order of R6313-8.</summary>
    public static readonly IReadOnlyList<(string Field, string FrenchName)> MandatoryItems =
    [
        ("title", "L'intitulé"),
        ("objective_and_content", "La description de l'objectif et du contenu"),
        ("means", "La description des moyens"),
        ("duration_hours", "Le nombre d'heures"),
        ("period_start", "La date de début de la période"),
        ("period_end", "La date de fin de la période"),
        ("conduct_and_follow_up", "La description du déroulement et du suivi"),
        ("results_handover", "La description de la remise des résultats et de la synthèse"),
        ("price_euros", "Le prix"),
        ("payment_terms", "La description des modalités de règlement"),
    ];

    /// <summary>The employee's last day to sign a convention received on <paramref name="receivedOn"/>.</summary>
    public static DateOnly SignatureDeadline(DateOnly receivedOn) => receivedOn.AddDays(EmployeeDays);

    public static TripartiteConventionStatus StatusOn(TripartiteConventionFacts facts, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var deadline = SignatureDeadline(facts.ReceivedOn);
        var employeeSigned = Known(facts.EmployeeSignedOn, on);
        var employeeRefused = Known(facts.EmployeeRefusedOn, on);

        if (employeeSigned && facts.EmployeeSignedOn <= deadline)
        {
            var missing = new List<ConventionParty>();
            if (!Known(facts.EmployerSignedOn, on))
            {
                missing.Add(ConventionParty.Employer);
            }

            if (!Known(facts.ProviderSignedOn, on))
            {
                missing.Add(ConventionParty.Provider);
            }

            return missing.Count == 0
                ? new TripartiteConventionStatus(TripartiteConventionStatusKind.Signed, null, [])
                : new TripartiteConventionStatus(TripartiteConventionStatusKind.AwaitingSignature, null, missing);
        }

        if (employeeRefused && facts.EmployeeRefusedOn <= deadline)
        {
            return new TripartiteConventionStatus(TripartiteConventionStatusKind.Refused, null, []);
        }

        if (on > deadline)
        {
            return new TripartiteConventionStatus(TripartiteConventionStatusKind.DeemedRefused, null, []);
        }

        var missingAll = new List<ConventionParty> { ConventionParty.Employee };
        if (!Known(facts.EmployerSignedOn, on))
        {
            missingAll.Add(ConventionParty.Employer);
        }

        if (!Known(facts.ProviderSignedOn, on))
        {
            missingAll.Add(ConventionParty.Provider);
        }

        return new TripartiteConventionStatus(TripartiteConventionStatusKind.AwaitingSignature, deadline, missingAll);
    }

    /// <summary>Every missing or invalid mandatory item at once (empty when the convention is complete).</summary>
    public static IReadOnlyList<FieldViolation> Validate(TripartiteConventionContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var checks = new FieldChecks();
        checks.RequireText("title", content.Title, MaxTextLength, "L'intitulé");
        checks.RequireText("objective_and_content", content.ObjectiveAndContent, MaxTextLength, "La description de l'objectif et du contenu");
        checks.RequireText("means", content.Means, MaxTextLength, "La description des moyens");
        RequirePositive(checks, "duration_hours", content.DurationHours, "Le nombre d'heures");
        RequireDate(checks, "period_start", content.PeriodStart, "La date de début de la période");
        RequireDate(checks, "period_end", content.PeriodEnd, "La date de fin de la période");
        if (content.PeriodStart is { } start && content.PeriodEnd is { } end && end < start)
        {
            checks.Add("period_end", "BEFORE_START", "The period ends before it starts.",
                "La date de fin de la période précède sa date de début.");
        }

        checks.RequireText("conduct_and_follow_up", content.ConductAndFollowUp, MaxTextLength, "La description du déroulement et du suivi");
        checks.RequireText("results_handover", content.ResultsHandover, MaxTextLength, "La description de la remise des résultats et de la synthèse");
        RequirePositive(checks, "price_euros", content.PriceEuros, "Le prix");
        checks.RequireText("payment_terms", content.PaymentTerms, MaxTextLength, "La description des modalités de règlement");
        return checks.Violations;
    }

    private static bool Known(DateOnly? date, DateOnly on) => date is { } d && d <= on;

    private static void RequireDate(FieldChecks checks, string field, DateOnly? value, string frenchName)
    {
        if (value is null)
        {
            checks.Add(field, "REQUIRED", "Required.", $"{frenchName} est obligatoire.");
        }
    }

    private static void RequirePositive(FieldChecks checks, string field, decimal? value, string frenchName)
    {
        if (value is null)
        {
            checks.Add(field, "REQUIRED", "Required.", $"{frenchName} est obligatoire.");
        }
        else if (value <= 0)
        {
            checks.Add(field, "NOT_POSITIVE", "Must be greater than zero.", $"{frenchName} doit être supérieur à zéro.");
        }
    }
}
