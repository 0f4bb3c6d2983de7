using Bilan.Domain.Errors;
using Bilan.Domain.Funding;

namespace Bilan.Domain.Tests.Funding;

public sealed class FundingRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Theory]
    [InlineData(FunderType.Opco, "", "OPCO Santé")]
    [InlineData(FunderType.Opco, "  Akto ", "Akto")]
    [InlineData(FunderType.Cpf, "", "Mon Compte Formation (Caisse des Dépôts)")]
    [InlineData(FunderType.FranceTravail, "", "France Travail")]
    [InlineData(FunderType.EmployerPlan, "Centre hospitalier", "Centre hospitalier")]
    public void Validate_FunderName_DefaultOrTrimmed(FunderType type, string name, string expected) =>
        Assert.Equal(expected, FundingRules.Validate(Details(type, name), "funding.", Today).FunderName);

    [Fact]
    public void Validate_EveryBadField_ListedAtOnce()
    {
        var details = new FundingDetails(FunderType.Cpf, "", 0, Today.AddDays(1), new string('x', 101), 0);

        var exception = Assert.Throws<InvalidFieldsException>(() => FundingRules.Validate(details, "funding.", Today));

        Assert.Equal(
            ["funding.amount_cents", "funding.requested_date", "funding.reference", "funding.funded_hours"],
            exception.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(FunderType.EmployerPlan)]
    [InlineData(FunderType.Other)]
    public void Validate_NamedFunderWithoutName_Required(FunderType type)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => FundingRules.Validate(Details(type, ""), "", Today));

        Assert.Equal(("funder_name", "REQUIRED"), (exception.Violations[0].Field, exception.Violations[0].Reason));
    }

    [Fact]
    public void Validate_NoFunderType_Required()
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => FundingRules.Validate(Details(FunderType.Unspecified, ""), "", Today));

        Assert.Equal(["funder_type"], exception.Violations.Select(v => v.Field));
    }

    // Funding moves: REQUESTED -> ACCEPTED | REFUSED, ACCEPTED -> PAID; the rest is refused with the moves allowed.
    [Theory]
    [InlineData(FundingStatus.Requested, FundingStatus.Accepted, true)]
    [InlineData(FundingStatus.Requested, FundingStatus.Refused, true)]
    [InlineData(FundingStatus.Requested, FundingStatus.Paid, false)]
    [InlineData(FundingStatus.Accepted, FundingStatus.Paid, true)]
    [InlineData(FundingStatus.Accepted, FundingStatus.Refused, false)]
    [InlineData(FundingStatus.Accepted, FundingStatus.Accepted, false)]
    [InlineData(FundingStatus.Refused, FundingStatus.Accepted, false)]
    [InlineData(FundingStatus.Paid, FundingStatus.Refused, false)]
    public void Apply_Move_AllowedByTable(FundingStatus from, FundingStatus to, bool allowed)
    {
        if (allowed)
        {
            Assert.Equal(to, FundingLifecycle.Apply(from, to));
            return;
        }

        var exception = Assert.Throws<RuleViolationException>(() => FundingLifecycle.Apply(from, to));
        Assert.Equal("FUNDING_ILLEGAL_TRANSITION", exception.Reason);
        Assert.Equal(string.Join(",", FundingLifecycle.AllowedFrom(from).Select(FundingLifecycle.MethodTo)), exception.Metadata["allowed"]);
    }

    [Fact]
    public void Apply_FromRequestedToPaid_NamesTheAllowedMethods()
    {
        var exception = Assert.Throws<RuleViolationException>(() => FundingLifecycle.Apply(FundingStatus.Requested, FundingStatus.Paid));

        Assert.Equal("AcceptFunding,RefuseFunding", exception.Metadata["allowed"]);
        Assert.Contains("allowed now: AcceptFunding, RefuseFunding", exception.Message, StringComparison.Ordinal);
        Assert.Contains("La prise en charge est demandée", exception.FrenchMessage, StringComparison.Ordinal);
    }

    private static FundingDetails Details(FunderType type, string name) =>
        new(type, name, 150_000, Today, "", type == FunderType.Cpf ? 20 : 0);
}
