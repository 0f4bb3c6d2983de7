using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Consultants;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Consultants;

public sealed class ConsultantRulesTests
{
    private static readonly ConsultantDetails Valid = new("Claire Dupont", "claire.dupont@example.org", Active: true);

    [Fact]
    public void Validate_CompleteConsultant_NoViolation() => Assert.Empty(ConsultantRules.Validate(Valid));

    [Fact]
    public void Validate_InactiveConsultant_NoViolation() => Assert.Empty(ConsultantRules.Validate(Valid with { Active = false }));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Validate_DisplayNameMissing_Required(string displayName) =>
        AssertSingle(Valid with { DisplayName = displayName },
            new FieldViolation("display_name", "REQUIRED", "Required.", "Le nom du consultant est obligatoire."));

    [Fact]
    public void Validate_DisplayNameAtMaximumLength_NoViolation() =>
        Assert.Empty(ConsultantRules.Validate(Valid with { DisplayName = new string('é', ConsultantRules.MaxDisplayNameLength) }));

    [Fact]
    public void Validate_DisplayNameOneCharacterTooLong_TooLong() =>
        AssertSingle(Valid with { DisplayName = new string('a', 201) },
            new FieldViolation("display_name", "TOO_LONG", "At most 200 characters.", "Le nom du consultant ne doit pas dépasser 200 caractères."));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EmailMissing_Required(string email) =>
        AssertSingle(Valid with { Email = email },
            new FieldViolation("email", "REQUIRED", "Required.", "L'adresse e-mail est obligatoire."));

    [Fact]
    public void Validate_EmailAtMaximumLength_NoViolation() =>
        Assert.Empty(ConsultantRules.Validate(Valid with { Email = EmailOfLength(254) }));

    [Fact]
    public void Validate_EmailOneCharacterTooLong_OnlyTooLong() =>
        AssertSingle(Valid with { Email = EmailOfLength(255) },
            new FieldViolation("email", "TOO_LONG", "At most 254 characters.", "L'adresse e-mail ne doit pas dépasser 254 caractères."));

    [Theory]
    [InlineData("claire.dupont@example.org")]
    [InlineData("C.Dupont+bilan@sub.example.co.uk")]
    [InlineData("élodie@exemple.fr")]
    public void Validate_WellFormedEmail_NoViolation(string email) =>
        Assert.Empty(ConsultantRules.Validate(Valid with { Email = email }));

    [Theory]
    [InlineData("claire")]
    [InlineData("claire@")]
    [InlineData("@example.org")]
    [InlineData("claire@example")]
    [InlineData("claire dupont@example.org")]
    [InlineData("claire@exa mple.org")]
    [InlineData("claire@@example.org")]
    [InlineData("claire@example@org.fr")]
    [InlineData("claire@example.")]
    [InlineData("a@b.fr\n")]
    public void Validate_MalformedEmail_InvalidFormat(string email) =>
        AssertSingle(Valid with { Email = email },
            new FieldViolation("email", "INVALID_FORMAT", "Not an e-mail address (expected name@domain).",
                "L'adresse e-mail n'est pas valide (attendu : nom@domaine)."));

    [Fact]
    public void Validate_EveryFieldBad_EveryViolationReportedAtOnce()
    {
        var violations = ConsultantRules.Validate(new ConsultantDetails(" ", "claire.example.org", Active: false));

        Assert.Equal([("display_name", "REQUIRED"), ("email", "INVALID_FORMAT")], violations.Select(v => (v.Field, v.Reason)));
    }

    // Until both share one helper: a consultant's address is refused exactly when a beneficiary's would be.
    [Theory]
    [InlineData("claire@example.org")]
    [InlineData("élodie@exemple.fr")]
    [InlineData("claire@example")]
    [InlineData("claire dupont@example.org")]
    [InlineData("claire@@example.org")]
    [InlineData("a@b.fr\n")]
    [InlineData("")]
    public void Validate_Email_SameVerdictAsForABeneficiary(string email)
    {
        var beneficiary = new BeneficiaryDetails("Camille", "Martin", email, "", PublicCategory.JobSeeker, null, []);

        Assert.Equal(BeneficiaryRules.Validate(beneficiary), ConsultantRules.Validate(Valid with { Email = email }));
    }

    private static string EmailOfLength(int length) => new string('a', length - "@example.org".Length) + "@example.org";

    private static void AssertSingle(ConsultantDetails details, FieldViolation expected) =>
        Assert.Equal(expected, Assert.Single(ConsultantRules.Validate(details)));
}
