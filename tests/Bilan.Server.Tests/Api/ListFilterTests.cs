using Bilan.Domain.Errors;
using Bilan.Server.Api;

namespace Bilan.Server.Tests.Api;

public sealed class ListFilterTests
{
    private static readonly string[] Fields = ["state", "beneficiary", "family_name"];

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyFilter_NoTerm(string filter) => Assert.Empty(ListFilter.Parse(filter, Fields));

    [Theory]
    [InlineData("state = STATE_REQUESTED")]
    [InlineData("state=STATE_REQUESTED")]
    [InlineData("  state   =   STATE_REQUESTED  ")]
    public void Parse_BareEnumValue_OneUnquotedTerm(string filter) =>
        Assert.Equal([new FilterTerm("state", "STATE_REQUESTED", Quoted: false)], ListFilter.Parse(filter, Fields));

    [Theory]
    [InlineData("beneficiary = \"beneficiaries/1\" AND family_name = \"Martin\"")]
    [InlineData("beneficiary = \"beneficiaries/1\" family_name = \"Martin\"")]
    [InlineData("beneficiary=\"beneficiaries/1\"   AND   family_name=\"Martin\"")]
    public void Parse_TwoTermsWithOrWithoutAnd_BothTermsInOrder(string filter) =>
        Assert.Equal(
            [new FilterTerm("beneficiary", "beneficiaries/1", Quoted: true), new FilterTerm("family_name", "Martin", Quoted: true)],
            ListFilter.Parse(filter, Fields));

    [Fact]
    public void Parse_ThreeTerms_AllReturned() =>
        Assert.Equal(
            ["state", "beneficiary", "family_name"],
            ListFilter.Parse("state = STATE_CLOSED AND beneficiary = \"b\" family_name = \"f\"", Fields).Select(t => t.Field));

    [Theory]
    [InlineData("family_name = \"d'Artagnan\"", "d'Artagnan")]
    [InlineData("family_name = \"Le \\\"Grand\\\"\"", "Le \"Grand\"")]
    [InlineData("family_name = \"back\\\\slash\"", "back\\slash")]
    [InlineData("family_name = \"AND state = X\"", "AND state = X")]
    [InlineData("family_name = \"\"", "")]
    [InlineData("family_name = \"Hélène Müller\"", "Hélène Müller")]
    public void Parse_QuotedValue_UnquotedAndUnescaped(string filter, string expected)
    {
        var term = Assert.Single(ListFilter.Parse(filter, Fields));

        Assert.Equal(new FilterTerm("family_name", expected, Quoted: true), term);
        Assert.False(term.IsPrefix);
    }

    [Fact]
    public void Parse_QuotedValueEndingWithStar_Prefix()
    {
        var term = Assert.Single(ListFilter.Parse("family_name = \"mar*\"", Fields));

        Assert.True(term.IsPrefix);
        Assert.Equal("mar", term.Prefix);
    }

    [Fact]
    public void Parse_BareValueEndingWithStar_NotPrefix()
    {
        var term = Assert.Single(ListFilter.Parse("state = STATE_*", Fields));

        Assert.False(term.IsPrefix);
        Assert.Equal("STATE_*", term.Value);
    }

    [Theory]
    [InlineData("colour = \"red\"",
        "Unknown filter field 'colour'; allowed: state, beneficiary, family_name.",
        "Champ de filtre inconnu « colour » ; champs possibles : state, beneficiary, family_name.")]
    [InlineData("State = STATE_REQUESTED",
        "Unknown filter field 'State'; allowed: state, beneficiary, family_name.",
        "Champ de filtre inconnu « State » ; champs possibles : state, beneficiary, family_name.")]
    [InlineData("state = STATE_REQUESTED and family_name = \"x\"",
        "Unknown filter field 'and'; allowed: state, beneficiary, family_name.",
        "Champ de filtre inconnu « and » ; champs possibles : state, beneficiary, family_name.")]
    [InlineData("state = STATE_REQUESTED AND state = STATE_CLOSED",
        "The field 'state' appears twice.",
        "Le champ « state » apparaît deux fois.")]
    [InlineData("state STATE_REQUESTED",
        "Expected '=' after 'state'.",
        "« = » attendu après « state ».")]
    [InlineData("state != STATE_REQUESTED",
        "Expected '=' after 'state'.",
        "« = » attendu après « state ».")]
    [InlineData("state =",
        "Expected a value after 'state ='.",
        "Valeur attendue après « state = ».")]
    [InlineData("state =   ",
        "Expected a value after 'state ='.",
        "Valeur attendue après « state = ».")]
    [InlineData("family_name = \"Martin",
        "The value of 'family_name' has no closing quote.",
        "La valeur de « family_name » n'a pas de guillemet fermant.")]
    [InlineData("family_name = \"Martin\\\"",
        "The value of 'family_name' has no closing quote.",
        "La valeur de « family_name » n'a pas de guillemet fermant.")]
    [InlineData("state = STATE_REQUESTED AND",
        "The filter ends with AND.",
        "Le filtre se termine par AND.")]
    [InlineData("state = STATE_REQUESTED AND   ",
        "The filter ends with AND.",
        "Le filtre se termine par AND.")]
    [InlineData("= STATE_REQUESTED",
        "Expected a field name at position 1.",
        "Nom de champ attendu en position 1.")]
    [InlineData("state = STATE_REQUESTED OR state = STATE_CLOSED",
        "Unknown filter field 'OR'; allowed: state, beneficiary, family_name.",
        "Champ de filtre inconnu « OR » ; champs possibles : state, beneficiary, family_name.")]
    [InlineData("state = STATE_REQUESTED ANDfamily_name = \"X\"",
        "Unknown filter field 'ANDfamily_name'; allowed: state, beneficiary, family_name.",
        "Champ de filtre inconnu « ANDfamily_name » ; champs possibles : state, beneficiary, family_name.")]
    [InlineData("family_name = \"X\"state = STATE_REQUESTED",
        "Expected a space or the end after the value of 'family_name'.",
        "Espace ou fin attendue après la valeur de « family_name ».")]
    public void Parse_MalformedFilter_InvalidFilterOnFilterField(string filter, string description, string french)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => ListFilter.Parse(filter, Fields));

        Assert.Equal(new FieldViolation("filter", "INVALID_FILTER", description, french), Assert.Single(exception.Violations));
    }

    [Fact]
    public void Invalid_AnyText_ViolationOnFilter() =>
        Assert.Equal(
            new FieldViolation("filter", "INVALID_FILTER", "Bad.", "Mauvais."),
            Assert.Single(ListFilter.Invalid("Bad.", "Mauvais.").Violations));
}
