using Bilan.Domain.Errors;
using Bilan.Domain.Identity;

namespace Bilan.Domain.Tests.Identity;

public sealed class UserRulesTests
{
    private static readonly IdentityPolicy Policy = new();

    [Fact]
    public void CheckProfile_CompleteProfile_NoViolation() => Assert.Empty(Profile("jeanne.martin@example.org", "Jeanne Martin"));

    [Fact]
    public void CheckProfile_EveryFieldBad_EveryViolationAtOnceInFieldOrder() =>
        Assert.Equal([("email", "INVALID_FORMAT"), ("display_name", "REQUIRED")], Profile("jeanne.example.org", "  ").Select(v => (v.Field, v.Reason)));

    [Fact]
    public void CheckProfile_DisplayNameAtMaximumLength_NoViolation() =>
        Assert.Empty(Profile("jeanne@example.org", new string('é', UserRules.MaxDisplayNameLength)));

    [Fact]
    public void CheckProfile_DisplayNameOneCharacterTooLong_TooLongInFrench() =>
        Assert.Equal(
            new FieldViolation("display_name", "TOO_LONG", "At most 200 characters.", "Le nom de l'utilisateur ne doit pas dépasser 200 caractères."),
            Assert.Single(Profile("jeanne@example.org", new string('a', 201))));

    [Theory]
    [InlineData("")]
    [InlineData("claire@example")]
    [InlineData("claire dupont@example.org")]
    [InlineData("élodie@exemple.fr")]
    public void CheckProfile_Email_SameVerdictAsTheSharedEmailRule(string email)
    {
        var shared = new FieldChecks();
        EmailAddress.Check(shared, "email", email);

        Assert.Equal(shared.Violations, Profile(email, "Jeanne Martin"));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void CheckConsultantLink_ConsultantExactlyForTheConsultantRole_NoViolation(bool consultantRole, bool hasConsultant) =>
        Assert.Empty(Link(consultantRole, hasConsultant));

    [Fact]
    public void CheckConsultantLink_ConsultantRoleWithoutConsultant_Required()
    {
        var violation = Assert.Single(Link(consultantRole: true, hasConsultant: false));

        Assert.Equal(("user.consultant", "REQUIRED"), (violation.Field, violation.Reason));
        Assert.Contains("STAFF_ROLE_CONSULTANT", violation.Description, StringComparison.Ordinal);
        Assert.Equal("Un utilisateur consultant doit être rattaché à un consultant.", violation.FrenchDescription);
    }

    [Fact]
    public void CheckConsultantLink_OtherRoleWithConsultant_NotAllowed()
    {
        var violation = Assert.Single(Link(consultantRole: false, hasConsultant: true));

        Assert.Equal(("user.consultant", "NOT_ALLOWED"), (violation.Field, violation.Reason));
    }

    [Theory]
    [InlineData("correct horse")]
    [InlineData("Demo-admin-2026")]
    [InlineData("123456789012")]
    [InlineData("mot de passe long")]
    [InlineData("élan!éléphant")]
    public void CheckPassword_TwelveOrMoreNotOnlyLetters_NoViolation(string password) => Assert.Empty(Password(password));

    [Theory]
    [InlineData("", "REQUIRED")]
    [InlineData("Short-1", "TOO_SHORT")]
    [InlineData("elevenchar1", "TOO_SHORT")]
    [InlineData("onlyletters", "TOO_SHORT")]
    [InlineData("OnlyLettersHere", "ONLY_LETTERS")]
    [InlineData("ÉlodieÉlodieÉlodie", "ONLY_LETTERS")]
    public void CheckPassword_Weak_OneViolationStatingTheWholeRule(string password, string reason)
    {
        var violation = Assert.Single(Password(password));

        Assert.Equal(("password", reason), (violation.Field, violation.Reason));
        Assert.Contains("at least 12 characters, not only letters", violation.Description, StringComparison.Ordinal);
        Assert.Contains("au moins 12 caractères, pas uniquement des lettres", violation.FrenchDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPassword_CountsCharactersNotUtf16Units()
    {
        // Eleven characters, one of them outside the Basic Multilingual Plane (two UTF-16 units).
        Assert.Equal("TOO_SHORT", Assert.Single(Password("mot-passe😀1")).Reason);
        Assert.Empty(Password("mot-passe😀12"));
    }

    [Fact]
    public void CheckPassword_SpacesAreKeptAndCount() => Assert.Empty(Password("           a"));

    [Fact]
    public void CheckPassword_LongerThanTheMaximum_TooLong() =>
        Assert.Equal("TOO_LONG", Assert.Single(Password(new string('1', UserRules.MaxPasswordLength + 1))).Reason);

    [Fact]
    public void CheckPassword_PolicyMinimum_Followed()
    {
        var checks = new FieldChecks();
        UserRules.CheckPassword(checks, "new_password", "abcdefghijklmno1", Policy with { MinimumPasswordLength = 20 });

        var violation = Assert.Single(checks.Violations);
        Assert.Equal(("new_password", "TOO_SHORT"), (violation.Field, violation.Reason));
        Assert.Contains("at least 20 characters", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureCanDisable_Enabled_Allowed() => UserRules.EnsureCanDisable(disabled: false, isSelf: false);

    [Fact]
    public void EnsureCanDisable_AlreadyDisabled_RefusedWithReason()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => UserRules.EnsureCanDisable(disabled: true, isSelf: false));

        Assert.Equal("USER_ALREADY_DISABLED", refusal.Reason);
        Assert.Equal("Cet utilisateur est déjà désactivé.", refusal.FrenchMessage);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EnsureCanDisable_Self_RefusedWhateverTheState(bool disabled)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => UserRules.EnsureCanDisable(disabled, isSelf: true));

        Assert.Equal("CANNOT_DISABLE_SELF", refusal.Reason);
        Assert.Equal("Vous ne pouvez pas désactiver votre propre compte.", refusal.FrenchMessage);
    }

    [Fact]
    public void EnsureCanEnable_Disabled_Allowed() => UserRules.EnsureCanEnable(disabled: true);

    [Fact]
    public void EnsureCanEnable_NotDisabled_RefusedWithReason() =>
        Assert.Equal("USER_NOT_DISABLED", Assert.Throws<RuleViolationException>(() => UserRules.EnsureCanEnable(disabled: false)).Reason);

    private static IReadOnlyList<FieldViolation> Profile(string email, string displayName)
    {
        var checks = new FieldChecks();
        UserRules.CheckProfile(checks, email, displayName);
        return checks.Violations;
    }

    private static IReadOnlyList<FieldViolation> Link(bool consultantRole, bool hasConsultant)
    {
        var checks = new FieldChecks();
        UserRules.CheckConsultantLink(checks, "user.consultant", consultantRole, hasConsultant);
        return checks.Violations;
    }

    private static IReadOnlyList<FieldViolation> Password(string password)
    {
        var checks = new FieldChecks();
        UserRules.CheckPassword(checks, "password", password, Policy);
        return checks.Violations;
    }
}
