using Bilan.Domain.Errors;
using Bilan.Server.Api;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Tests.Api;

public sealed class FilterValuesTests
{
    private const string StateNames =
        "STATE_REQUESTED, STATE_PRELIMINARY, STATE_INVESTIGATION, STATE_CONCLUSION, STATE_COMPLETED, " +
        "STATE_FOLLOW_UP, STATE_CLOSED, STATE_ABANDONED, STATE_CANCELLED";

    private const string Id = "0b9b4c5e-8a86-4a3e-9f1b-3c9b1d2f6a10";

    [Theory]
    [InlineData("STATE_REQUESTED", State.Requested)]
    [InlineData("STATE_FOLLOW_UP", State.FollowUp)]
    [InlineData("STATE_CANCELLED", State.Cancelled)]
    public void Enum_ProtoValueName_TheValue(string value, State expected) =>
        Assert.Equal(expected, FilterValues.Enum<State>(new FilterTerm("state", value, Quoted: false)));

    [Theory]
    [InlineData("STATE_UNSPECIFIED", false)]
    [InlineData("state_requested", false)]
    [InlineData("Requested", false)]
    [InlineData("1", false)]
    [InlineData("STATE_REQUESTED", true)]
    public void Enum_NotAProtoValueName_RefusedListingTheValues(string value, bool quoted)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => FilterValues.Enum<State>(new FilterTerm("state", value, quoted)));

        Assert.Equal(
            new FieldViolation("filter", "INVALID_FILTER", $"state must be one of {StateNames}.",
                $"Valeur inconnue pour « state » ; valeurs possibles : {StateNames}."),
            Assert.Single(exception.Violations));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ResourceId_NameOfTheCollection_TheId(bool quoted) =>
        Assert.Equal(Guid.Parse(Id), FilterValues.ResourceId(new FilterTerm("beneficiary", $"beneficiaries/{Id}", quoted), "beneficiaries"));

    [Theory]
    [InlineData("bilans/" + Id)]
    [InlineData(Id)]
    [InlineData("beneficiaries/42")]
    [InlineData("")]
    public void ResourceId_NotANameOfTheCollection_RefusedNamingTheTerm(string value)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() =>
            FilterValues.ResourceId(new FilterTerm("beneficiary", value, Quoted: true), "beneficiaries"));

        Assert.Equal(
            new FieldViolation("filter", "INVALID_FILTER", "beneficiary must be a resource name beneficiaries/{uuid}.",
                "« beneficiary » doit être un identifiant beneficiaries/{uuid}."),
            Assert.Single(exception.Violations));
    }
}
