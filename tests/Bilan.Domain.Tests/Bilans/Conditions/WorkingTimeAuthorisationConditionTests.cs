using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans.Conditions;

// D6323-4: a CPF bilan on working time starts once the employer granted the authorisation, or stayed silent 30 days.
// Asked on 1 March 2026 for a start on 4 May: the employer answers by 31 March; from 1 April it is deemed granted.
public sealed class WorkingTimeAuthorisationConditionTests
{
    private static readonly BilanFacts Ready = new(new DateOnly(2026, 3, 20), true, [], [], new BilanPolicy())
    {
        ConsentRecorded = true,
        FundingSource = FundingSource.Cpf,
        WorkingTime = WorkingTime.During,
        PlannedStartDate = new DateOnly(2026, 5, 4),
    };

    [Theory]
    [InlineData(BilanTransition.Start, true)]
    [InlineData(BilanTransition.Complete, false)]
    [InlineData(BilanTransition.Close, false)]
    public void AppliesTo_EveryTransition_OnlyStartBilan(BilanTransition transition, bool applies) =>
        Assert.Equal(applies, new WorkingTimeAuthorisationCondition().AppliesTo(transition));

    // Request: "-" none, else "request;answer;answer date".
    [Theory]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "-", "2026-03-20", "la demande du salarié n'est pas enregistrée")]
    [InlineData(FundingSource.Cpf, WorkingTime.PartlyDuring, "-", "2026-03-20", "la demande du salarié n'est pas enregistrée")]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2026-03-01;None;", "2026-03-20", "réputée accordée à partir du 01/04/2026")]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2026-03-01;None;", "2026-03-31", "réputée accordée à partir du 01/04/2026")]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2026-03-01;None;", "2026-04-01", null)]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2026-03-01;Granted;2026-03-10", "2026-03-20", null)]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2026-03-01;Refused;2026-03-10", "2026-03-20", "l'employeur l'a refusée")]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2026-03-01;Refused;2026-03-10", "2026-06-01", "l'employeur l'a refusée")]
    // Month end, leap year, year end: deemed granted on day 31.
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2028-01-31;None;", "2028-03-01", "réputée accordée à partir du 02/03/2028")]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2028-01-31;None;", "2028-03-02", null)]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2027-01-31;None;", "2027-03-03", null)]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2027-01-31;None;", "2027-03-02", "réputée accordée à partir du 03/03/2027")]
    [InlineData(FundingSource.Cpf, WorkingTime.During, "2026-12-15;None;", "2027-01-14", "réputée accordée à partir du 15/01/2027")]
    // Outside working time, or another funder: nothing needed.
    [InlineData(FundingSource.Cpf, WorkingTime.Outside, "-", "2026-03-20", null)]
    [InlineData(FundingSource.FranceTravail, WorkingTime.Outside, "-", "2026-03-20", null)]
    [InlineData(FundingSource.Opco, WorkingTime.During, "-", "2026-03-20", null)]
    [InlineData(FundingSource.Personal, WorkingTime.PartlyDuring, "-", "2026-03-20", null)]
    public void StartBilan_Request_RefusedUntilGrantedOrDeemedGranted(FundingSource funding, WorkingTime workingTime, string request, string today, string? french)
    {
        var facts = Ready with
        {
            Today = TestInterviews.Date(today),
            FundingSource = funding,
            WorkingTime = workingTime,
            PlannedStartDate = TestInterviews.Date(today).AddDays(70),
            WorkingTimeAuthorisation = Parse(request),
        };

        var exception = Record.Exception(() => BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, facts));

        if (french is null)
        {
            Assert.Null(exception);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal(("WORKING_TIME_AUTHORIZATION_MISSING", "working_time_authorization"), (failure.Type, failure.Subject));
        Assert.Contains("article D6323-4 du Code du travail", failure.FrenchDescription, StringComparison.Ordinal);
        Assert.Contains(french, failure.FrenchDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void StartBilan_LateRequestNotAnswered_OnlyAnExplicitAgreementCounts()
    {
        // Asked 40 days before the planned start: the employer's silence does not protect a late request.
        var facts = Ready with
        {
            Today = new DateOnly(2026, 5, 1),
            PlannedStartDate = new DateOnly(2026, 5, 10),
            WorkingTimeAuthorisation = new CpfAuthorisationRequest(new DateOnly(2026, 3, 31)),
        };

        var failure = Assert.Single(new WorkingTimeAuthorisationCondition().Check(facts));
        Assert.Contains("fewer than 60 days before the start", failure.Description, StringComparison.Ordinal);
        Assert.Empty(new WorkingTimeAuthorisationCondition().Check(facts with
        {
            WorkingTimeAuthorisation = new CpfAuthorisationRequest(new DateOnly(2026, 3, 31), EmployerAnswer.Granted, new DateOnly(2026, 4, 2)),
        }));
    }

    [Fact]
    public void Check_AwaitingAnswer_EnglishGivesTheDateOfDeemedAcceptance()
    {
        var failure = Assert.Single(new WorkingTimeAuthorisationCondition().Check(Ready with
        {
            WorkingTimeAuthorisation = new CpfAuthorisationRequest(new DateOnly(2026, 3, 1)),
        }));

        Assert.Equal(
            "A CPF-funded bilan on working time needs the employer's authorisation (Code du travail D6323-4): the employer has not answered yet; without an answer it is deemed granted from 2026-04-01.",
            failure.Description);
    }

    private static CpfAuthorisationRequest? Parse(string request)
    {
        if (request == "-")
        {
            return null;
        }

        var parts = request.Split(';');
        return new CpfAuthorisationRequest(TestInterviews.Date(parts[0]), Enum.Parse<EmployerAnswer>(parts[1]),
            parts[2].Length == 0 ? null : TestInterviews.Date(parts[2]));
    }
}
