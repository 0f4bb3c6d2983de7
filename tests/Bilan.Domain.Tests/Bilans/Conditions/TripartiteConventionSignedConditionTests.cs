using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans.Conditions;

// R6313-8: an employer-plan bilan starts once the convention is signed by the employer, the employee and the provider.
// Received on 2 March 2026: the employee signs by 12 March (day 10); from 13 March silence is refusal.
public sealed class TripartiteConventionSignedConditionTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);

    private static readonly BilanFacts Ready = new(Today, true, [], [], new BilanPolicy())
    {
        ConsentRecorded = true,
        FundingSource = FundingSource.EmployerPlan,
        WorkingTime = WorkingTime.Outside,
    };

    [Theory]
    [InlineData(BilanTransition.Start, true)]
    [InlineData(BilanTransition.StartInvestigation, false)]
    [InlineData(BilanTransition.Complete, false)]
    [InlineData(BilanTransition.Close, false)]
    [InlineData(BilanTransition.Cancel, false)]
    public void AppliesTo_EveryTransition_OnlyStartBilan(BilanTransition transition, bool applies) =>
        Assert.Equal(applies, new TripartiteConventionSignedCondition().AppliesTo(transition));

    // Convention: "-" none drafted; "draft" drafted, not sent; else "received;employee;refused;employer;provider" dates.
    [Theory]
    [InlineData(FundingSource.EmployerPlan, "-", "today", "aucune convention n'est encore rédigée")]
    [InlineData(FundingSource.EmployerPlan, "draft", "today", "n'a pas encore été remise au salarié")]
    [InlineData(FundingSource.EmployerPlan, "2026-03-02;;;;", "today", "signature manquante : salarié, employeur, prestataire (le salarié au plus tard le 12/03/2026)")]
    [InlineData(FundingSource.EmployerPlan, "2026-03-02;2026-03-05;;2026-03-01;", "today", "signature manquante : prestataire.")]
    [InlineData(FundingSource.EmployerPlan, "2026-03-02;2026-03-05;;2026-03-01;2026-03-06", "today", null)]
    // Day 10 the employee may still sign; day 11 silence has become refusal.
    [InlineData(FundingSource.EmployerPlan, "2026-03-02;2026-03-12;;2026-03-01;2026-03-01", "2026-03-12", null)]
    [InlineData(FundingSource.EmployerPlan, "2026-03-02;;;2026-03-01;2026-03-01", "2026-03-13", "son silence vaut refus")]
    [InlineData(FundingSource.EmployerPlan, "2026-03-02;;2026-03-04;2026-03-01;2026-03-01", "today", "le salarié l'a refusée")]
    // Month end, leap year and year end: the window is 10 calendar days from receipt.
    [InlineData(FundingSource.EmployerPlan, "2028-02-25;;;;", "2028-03-07", "son silence vaut refus")]
    [InlineData(FundingSource.EmployerPlan, "2028-02-25;;;;", "2028-03-06", "au plus tard le 06/03/2028")]
    [InlineData(FundingSource.EmployerPlan, "2027-02-25;;;;", "2027-03-07", "au plus tard le 07/03/2027")]
    [InlineData(FundingSource.EmployerPlan, "2026-12-28;;;;", "2027-01-07", "au plus tard le 07/01/2027")]
    // Other funding sources need no convention (CO_FUNDED without a line of the employer's plan included).
    [InlineData(FundingSource.Cpf, "-", "today", null)]
    [InlineData(FundingSource.Opco, "-", "today", null)]
    [InlineData(FundingSource.CoFunded, "-", "today", null)]
    [InlineData(FundingSource.Personal, "2026-03-02;;2026-03-04;;", "today", null)]
    public void StartBilan_ConventionAsFarAsItWent_RefusedUntilSignedByAllThree(FundingSource funding, string convention, string today, string? french)
    {
        var facts = Ready with
        {
            Today = today == "today" ? Today : TestInterviews.Date(today),
            FundingSource = funding,
            ConventionDrafted = convention != "-",
            Convention = Parse(convention),
        };

        var exception = Record.Exception(() => BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, facts));

        if (french is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal(("TRIPARTITE_CONVENTION_NOT_SIGNED", "convention"), (failure.Type, failure.Subject));
        Assert.Contains("article R6313-8 du Code du travail", failure.FrenchDescription, StringComparison.Ordinal);
        Assert.Contains(french, failure.FrenchDescription, StringComparison.Ordinal);
        Assert.Contains("R6313-8", failure.Description, StringComparison.Ordinal);
        Assert.Equal("TRIPARTITE_CONVENTION_NOT_SIGNED", rule.Metadata["conditions"]);
    }

    // Which bilans need the convention: the employer's plan as funding source, or a co-funded bilan with a line of the
    // employer's plan the employer has not refused. Lines: "FunderType:FundingStatus" separated by commas.
    [Theory]
    [InlineData(FundingSource.EmployerPlan, "", "Un bilan financé par le plan de développement des compétences de l'employeur exige")]
    [InlineData(FundingSource.CoFunded, "EmployerPlan:Requested,Cpf:Accepted", "Un bilan cofinancé dont une prise en charge non refusée relève du plan de développement des compétences de l'employeur exige")]
    [InlineData(FundingSource.CoFunded, "Cpf:Accepted,EmployerPlan:Accepted", "Un bilan cofinancé dont une prise en charge non refusée relève du plan de développement des compétences de l'employeur exige")]
    [InlineData(FundingSource.CoFunded, "EmployerPlan:Paid,Opco:Paid", "Un bilan cofinancé")]
    // A refused line does not hide another of the employer's plan still standing.
    [InlineData(FundingSource.CoFunded, "EmployerPlan:Refused,EmployerPlan:Requested", "Un bilan cofinancé")]
    [InlineData(FundingSource.CoFunded, "EmployerPlan:Refused,Cpf:Accepted", null)]
    [InlineData(FundingSource.CoFunded, "Cpf:Accepted", null)]
    [InlineData(FundingSource.CoFunded, "Cpf:Requested,Opco:Accepted,Personal:Requested", null)]
    [InlineData(FundingSource.CoFunded, "", null)]
    [InlineData(FundingSource.Cpf, "", null)]
    [InlineData(FundingSource.Cpf, "Cpf:Accepted", null)]
    public void StartBilan_ByFundingLines_ConventionNeededOnlyWhenTheEmployersPlanTakesAPart(FundingSource funding, string lines, string? french)
    {
        var facts = Ready with { FundingSource = funding, FundingLines = ParseLines(lines) };

        var unsigned = Record.Exception(() => BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, facts with
        {
            ConventionDrafted = true,
            Convention = new TripartiteConventionFacts(new DateOnly(2026, 3, 2), EmployeeSignedOn: new DateOnly(2026, 3, 5)),
        }));
        var signed = BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, facts with
        {
            ConventionDrafted = true,
            Convention = new TripartiteConventionFacts(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 5), null, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 6)),
        });

        Assert.Equal(french is not null, TripartiteConventionSignedCondition.IsRequired(facts));
        Assert.Equal(BilanState.Preliminary, signed);
        if (french is null)
        {
            Assert.Null(unsigned);
            return;
        }

        var failure = Assert.Single(Assert.IsType<RuleViolationException>(unsigned).Failures);
        Assert.Equal(TripartiteConventionSignedCondition.Type, failure.Type);
        Assert.StartsWith(french, failure.FrenchDescription, StringComparison.Ordinal);
        Assert.EndsWith("(article R6313-8 du Code du travail) : signature manquante : employeur, prestataire.", failure.FrenchDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CoFundedWithEmployerPlanLine_EnglishSaysItIsBecauseOfThatLine()
    {
        var failure = Assert.Single(new TripartiteConventionSignedCondition().Check(Ready with
        {
            FundingSource = FundingSource.CoFunded,
            FundingLines = ParseLines("Cpf:Accepted,EmployerPlan:Requested"),
        }));

        Assert.Equal(
            "A co-funded bilan with a funding line from the employer's plan (funder type EMPLOYER_PLAN, not refused) needs the tripartite convention signed by the employer, the employee and the provider (Code du travail R6313-8): no convention is drafted yet (ConventionService.UpdateConvention).",
            failure.Description);
    }

    [Fact]
    public void Check_AwaitingEmployee_EnglishNamesWhoAndTheDeadline()
    {
        var failure = Assert.Single(new TripartiteConventionSignedCondition().Check(Ready with
        {
            ConventionDrafted = true,
            Convention = new TripartiteConventionFacts(new DateOnly(2026, 3, 2), EmployerSignedOn: new DateOnly(2026, 3, 1)),
        }));

        Assert.Equal(
            "A bilan funded by the employer's plan needs the tripartite convention signed by the employer, the employee and the provider (Code du travail R6313-8): still to sign: employee, provider (the employee by 2026-03-12).",
            failure.Description);
    }

    private static List<FundingLineFacts> ParseLines(string lines) =>
        lines.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':'))
            .Select(parts => new FundingLineFacts(Enum.Parse<FunderType>(parts[0]), Enum.Parse<FundingStatus>(parts[1])))
            .ToList();

    private static TripartiteConventionFacts? Parse(string convention)
    {
        if (convention is "-" or "draft")
        {
            return null;
        }

        var parts = convention.Split(';');
        DateOnly? At(int i) => parts[i].Length == 0 ? null : TestInterviews.Date(parts[i]);
        return new TripartiteConventionFacts(At(0)!.Value, At(1), At(2), At(3), At(4));
    }
}
