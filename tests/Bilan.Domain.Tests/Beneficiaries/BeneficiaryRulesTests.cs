using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Beneficiaries;

public sealed class BeneficiaryRulesTests
{
    private static readonly Employer Acme = new("73282932000074", "Acme SAS");

    private static readonly BeneficiaryDetails ValidEmployee = new(
        "Camille", "Martin", "camille.martin@example.fr", "+33 6 12 34 56 78", PublicCategory.Employee, Acme, []);

    [Fact]
    public void Validate_CompleteEmployee_NoViolation() => Assert.Empty(BeneficiaryRules.Validate(ValidEmployee));

    [Fact]
    public void Validate_OptionalPhoneEmpty_NoViolation() =>
        Assert.Empty(BeneficiaryRules.Validate(ValidEmployee with { Phone = "" }));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_GivenNameMissing_Required(string givenName) =>
        AssertSingle(ValidEmployee with { GivenName = givenName },
            new FieldViolation("given_name", "REQUIRED", "Required.", "Le prénom est obligatoire."));

    [Theory]
    [InlineData("")]
    [InlineData("\t")]
    public void Validate_FamilyNameMissing_Required(string familyName) =>
        AssertSingle(ValidEmployee with { FamilyName = familyName },
            new FieldViolation("family_name", "REQUIRED", "Required.", "Le nom est obligatoire."));

    [Fact]
    public void Validate_NamesAtMaximumLength_NoViolation() =>
        Assert.Empty(BeneficiaryRules.Validate(ValidEmployee with
        {
            GivenName = new string('a', BeneficiaryRules.MaxNameLength),
            FamilyName = new string('b', BeneficiaryRules.MaxNameLength),
        }));

    [Fact]
    public void Validate_GivenNameOneCharacterTooLong_TooLong() =>
        AssertSingle(ValidEmployee with { GivenName = new string('a', 101) },
            new FieldViolation("given_name", "TOO_LONG", "At most 100 characters.", "Le prénom ne doit pas dépasser 100 caractères."));

    [Fact]
    public void Validate_FamilyNameOneCharacterTooLong_TooLong() =>
        AssertSingle(ValidEmployee with { FamilyName = new string('b', 101) },
            new FieldViolation("family_name", "TOO_LONG", "At most 100 characters.", "Le nom ne doit pas dépasser 100 caractères."));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EmailMissing_Required(string email) =>
        AssertSingle(ValidEmployee with { Email = email },
            new FieldViolation("email", "REQUIRED", "Required.", "L'adresse e-mail est obligatoire."));

    [Fact]
    public void Validate_EmailAtMaximumLength_NoViolation() =>
        Assert.Empty(BeneficiaryRules.Validate(ValidEmployee with { Email = EmailOfLength(254) }));

    [Fact]
    public void Validate_EmailOneCharacterTooLong_OnlyTooLong() =>
        AssertSingle(ValidEmployee with { Email = EmailOfLength(255) },
            new FieldViolation("email", "TOO_LONG", "At most 254 characters.", "L'adresse e-mail ne doit pas dépasser 254 caractères."));

    [Theory]
    [InlineData("camille.martin@example.fr")]
    [InlineData("c+bilan@sub.example.co.uk")]
    [InlineData("élodie@exemple.fr")]
    public void Validate_WellFormedEmail_NoViolation(string email) =>
        Assert.Empty(BeneficiaryRules.Validate(ValidEmployee with { Email = email }));

    [Theory]
    [InlineData("camille")]
    [InlineData("camille@")]
    [InlineData("@example.fr")]
    [InlineData("camille@example")]
    [InlineData("camille martin@example.fr")]
    [InlineData("camille@exa mple.fr")]
    [InlineData("camille@@example.fr")]
    [InlineData("camille@example@fr.fr")]
    [InlineData("camille@example.")]
    [InlineData("a@b.fr\n")]
    public void Validate_MalformedEmail_InvalidFormat(string email) =>
        AssertSingle(ValidEmployee with { Email = email },
            new FieldViolation("email", "INVALID_FORMAT", "Not an e-mail address (expected name@domain).",
                "L'adresse e-mail n'est pas valide (attendu : nom@domaine)."));

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("06.12.34.56.78")]
    [InlineData("06-12-34-56-78")]
    [InlineData("123456")] // 6 characters, the minimum.
    [InlineData("+12345678901234567890")] // '+' and 20 characters, the maximum.
    public void Validate_WellFormedPhone_NoViolation(string phone) =>
        Assert.Empty(BeneficiaryRules.Validate(ValidEmployee with { Phone = phone }));

    [Theory]
    [InlineData("12345")] // 5 digits.
    [InlineData("123456789012345678901")] // 21 characters.
    [InlineData("06 12 34 AB CD")]
    [InlineData("(06) 12 34 56 78")]
    [InlineData("0612345678+")]
    [InlineData("++33612345678")]
    [InlineData("06/12/34/56/78")]
    [InlineData("------")] // no digit at all.
    [InlineData("+ . . .")]
    [InlineData("12 34 5")] // 7 characters, 5 digits.
    [InlineData("0612345678\n")]
    public void Validate_MalformedPhone_InvalidFormat(string phone) =>
        AssertSingle(ValidEmployee with { Phone = phone },
            new FieldViolation("phone", "INVALID_FORMAT",
                "Not a telephone number: at most 20 digits, spaces, dots or dashes, with at least 6 digits and an optional leading '+'.",
                "Le numéro de téléphone n'est pas valide : au moins 6 chiffres, au plus 20 caractères (chiffres, espaces, points, tirets, « + » en tête)."));

    [Fact]
    public void Validate_PublicCategoryUnspecified_Required() =>
        AssertSingle(ValidEmployee with { PublicCategory = PublicCategory.Unspecified, Employer = null },
            new FieldViolation("public_category", "REQUIRED", "Required.", "La catégorie de public est obligatoire."));

    [Fact]
    public void Validate_PublicCategoryUnknownNumber_UnknownValue() =>
        AssertSingle(ValidEmployee with { PublicCategory = (PublicCategory)99, Employer = null },
            new FieldViolation("public_category", "UNKNOWN_VALUE", "Unknown value 99.", "La catégorie de public : valeur inconnue."));

    [Fact]
    public void Validate_PublicCategoryUnspecifiedWithEmployer_OnlyCategoryReported() =>
        Assert.Equal(["public_category"],
            BeneficiaryRules.Validate(ValidEmployee with { PublicCategory = PublicCategory.Unspecified }).Select(v => v.Field));

    [Theory]
    [InlineData(PublicCategory.Employee)]
    [InlineData(PublicCategory.PublicAgent)]
    public void Validate_EmployedWithEmployer_NoViolation(PublicCategory category) =>
        Assert.Empty(BeneficiaryRules.Validate(ValidEmployee with { PublicCategory = category }));

    [Theory]
    [InlineData(PublicCategory.Employee)]
    [InlineData(PublicCategory.PublicAgent)]
    public void Validate_EmployedWithoutEmployer_EmployerRequired(PublicCategory category) =>
        AssertSingle(ValidEmployee with { PublicCategory = category, Employer = null },
            new FieldViolation("employer", "REQUIRED", "Required for an employee or a public agent.",
                "L'employeur est obligatoire pour un salarié ou un agent public."));

    [Theory]
    [InlineData(PublicCategory.SelfEmployed)]
    [InlineData(PublicCategory.JobSeeker)]
    [InlineData(PublicCategory.PrivateIndividual)]
    public void Validate_NotEmployedWithoutEmployer_NoViolation(PublicCategory category) =>
        Assert.Empty(BeneficiaryRules.Validate(ValidEmployee with { PublicCategory = category, Employer = null }));

    [Theory]
    [InlineData(PublicCategory.SelfEmployed)]
    [InlineData(PublicCategory.JobSeeker)]
    [InlineData(PublicCategory.PrivateIndividual)]
    public void Validate_NotEmployedWithEmployer_EmployerNotApplicable(PublicCategory category) =>
        AssertSingle(ValidEmployee with { PublicCategory = category },
            new FieldViolation("employer", "NOT_APPLICABLE", "Only an employee or a public agent has an employer.",
                "Seul un salarié ou un agent public a un employeur."));

    [Theory]
    [InlineData("73282932000075")]
    [InlineData("7328293200007")]
    [InlineData("732 829 320 00074")]
    [InlineData("")]
    public void Validate_EmployerSiretInvalid_InvalidFormatOnSiret(string siret) =>
        AssertSingle(ValidEmployee with { Employer = Acme with { Siret = siret } },
            new FieldViolation("employer.siret", "INVALID_FORMAT", "Not a SIRET number: 14 digits with a valid checksum.",
                "Le numéro SIRET n'est pas valide : 14 chiffres avec une clé de contrôle correcte."));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_EmployerDisplayNameMissing_Required(string displayName) =>
        AssertSingle(ValidEmployee with { Employer = Acme with { DisplayName = displayName } },
            new FieldViolation("employer.display_name", "REQUIRED", "Required.", "Le nom de l'employeur est obligatoire."));

    [Fact]
    public void Validate_EmployerDisplayNameAtMaximumLength_NoViolation() =>
        Assert.Empty(BeneficiaryRules.Validate(ValidEmployee with { Employer = Acme with { DisplayName = new string('x', 200) } }));

    [Fact]
    public void Validate_EmployerDisplayNameTooLong_TooLong() =>
        AssertSingle(ValidEmployee with { Employer = Acme with { DisplayName = new string('x', 201) } },
            new FieldViolation("employer.display_name", "TOO_LONG", "At most 200 characters.",
                "Le nom de l'employeur ne doit pas dépasser 200 caractères."));

    [Fact]
    public void Validate_BadSituation_ReportedUnderItsIndex()
    {
        var situations = new[]
        {
            new SituationPeriod(SituationKind.ParentalLeave, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30), false),
            new SituationPeriod(SituationKind.SickLeave, new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 1), true),
        };

        AssertSingle(ValidEmployee with { Situations = situations },
            new FieldViolation("situations[1].end_date", "END_BEFORE_START", "Must be on or after start_date.",
                "La date de fin doit être égale ou postérieure à la date de début."));
    }

    [Fact]
    public void Validate_ManyBadFields_EveryViolationReportedAtOnce()
    {
        var details = new BeneficiaryDetails(
            GivenName: "",
            FamilyName: new string('m', 101),
            Email: "camille.example.fr",
            Phone: "call me",
            PublicCategory: PublicCategory.PublicAgent,
            Employer: new Employer("12345678901235", " "),
            Situations:
            [
                new SituationPeriod(SituationKind.Unspecified, new DateOnly(2025, 1, 1), null, false),
                new SituationPeriod(SituationKind.ParentalLeave, new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 1), true),
            ]);

        var violations = BeneficiaryRules.Validate(details);

        Assert.Equal(
            [
                ("given_name", "REQUIRED"),
                ("family_name", "TOO_LONG"),
                ("email", "INVALID_FORMAT"),
                ("phone", "INVALID_FORMAT"),
                ("employer.siret", "INVALID_FORMAT"),
                ("employer.display_name", "REQUIRED"),
                ("situations[0].kind", "REQUIRED"),
                ("situations[1].end_date", "END_BEFORE_START"),
                ("situations[1].doctor_agreement", "NOT_APPLICABLE"),
            ],
            violations.Select(v => (v.Field, v.Reason)));
        Assert.All(violations, v =>
        {
            Assert.NotEmpty(v.Description);
            Assert.NotEmpty(v.FrenchDescription);
        });
    }

    private static string EmailOfLength(int length) => new string('a', length - "@example.fr".Length) + "@example.fr";

    private static void AssertSingle(BeneficiaryDetails details, FieldViolation expected) =>
        Assert.Equal(expected, Assert.Single(BeneficiaryRules.Validate(details)));
}
