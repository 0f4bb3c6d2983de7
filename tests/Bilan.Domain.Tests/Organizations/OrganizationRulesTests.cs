using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Errors;
using Bilan.Domain.Organizations;

namespace Bilan.Domain.Tests.Organizations;

public sealed class OrganizationRulesTests
{
    private static readonly OrganizationDetails Valid = new("Centre hospitalier de Valence", "73282932000074");

    [Fact]
    public void Validate_CompleteOrganization_NoViolation() => Assert.Empty(OrganizationRules.Validate(Valid));

    [Fact]
    public void Validate_NoSiret_NoViolation() => Assert.Empty(OrganizationRules.Validate(Valid with { Siret = null }));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Validate_DisplayNameMissing_Required(string displayName) =>
        AssertSingle(Valid with { DisplayName = displayName },
            new FieldViolation("display_name", "REQUIRED", "Required.", "Le nom de l'organisation est obligatoire."));

    [Fact]
    public void Validate_DisplayNameAtMaximumLength_NoViolation() =>
        Assert.Empty(OrganizationRules.Validate(Valid with { DisplayName = new string('é', OrganizationRules.MaxDisplayNameLength) }));

    [Fact]
    public void Validate_DisplayNameOneCharacterTooLong_TooLong() =>
        AssertSingle(Valid with { DisplayName = new string('a', 201) },
            new FieldViolation("display_name", "TOO_LONG", "At most 200 characters.", "Le nom de l'organisation ne doit pas dépasser 200 caractères."));

    [Theory]
    [InlineData("44306184100047")]
    [InlineData("21750001600019")]
    [InlineData("35600000010000")] // A La Poste establishment: checked by its digit sum.
    public void Validate_ValidSiret_NoViolation(string siret) => Assert.Empty(OrganizationRules.Validate(Valid with { Siret = siret }));

    [Theory]
    [InlineData("73282932000075")] // Luhn key wrong.
    [InlineData("7328293200007")] // 13 digits.
    [InlineData("732 829 320 00074")] // Spaces, as printed on invoices.
    [InlineData("7328293200007A")]
    [InlineData("")] // Empty is "none" only once the API has read it so; here it is a bad SIRET.
    public void Validate_MalformedSiret_InvalidFormat(string siret) =>
        AssertSingle(Valid with { Siret = siret },
            new FieldViolation("siret", "INVALID_FORMAT", "Not a SIRET number: 14 digits with a valid checksum.",
                "Le numéro SIRET n'est pas valide : 14 chiffres avec une clé de contrôle correcte."));

    [Fact]
    public void Validate_EveryFieldBad_EveryViolationReportedAtOnce()
    {
        var violations = OrganizationRules.Validate(new OrganizationDetails(" ", "12345678901234"));

        Assert.Equal([("display_name", "REQUIRED"), ("siret", "INVALID_FORMAT")], violations.Select(v => (v.Field, v.Reason)));
    }

    // The same SIRET rule as for a beneficiary's employer: an organization is refused exactly when an employer would be.
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("73282932000075")]
    [InlineData("35600000010013")]
    [InlineData("7328293200007٤")]
    public void Validate_Siret_SameVerdictAsSiretIsValid(string siret) =>
        Assert.Equal(Siret.IsValid(siret), OrganizationRules.Validate(Valid with { Siret = siret }).Count == 0);

    private static void AssertSingle(OrganizationDetails details, FieldViolation expected) =>
        Assert.Equal(expected, Assert.Single(OrganizationRules.Validate(details)));
}
