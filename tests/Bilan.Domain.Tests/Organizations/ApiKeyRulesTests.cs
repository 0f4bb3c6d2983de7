using Bilan.Domain.Errors;
using Bilan.Domain.Organizations;

namespace Bilan.Domain.Tests.Organizations;

public sealed class ApiKeyRulesTests
{
    [Theory]
    [InlineData("SIRH démo")]
    [InlineData("x")]
    public void Validate_DisplayNamePresent_NoViolation(string displayName) => Assert.Empty(ApiKeyRules.Validate(displayName));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_DisplayNameMissing_Required(string displayName) =>
        Assert.Equal(
            new FieldViolation("display_name", "REQUIRED", "Required.", "Le nom de la clé d'API est obligatoire."),
            Assert.Single(ApiKeyRules.Validate(displayName)));

    [Fact]
    public void Validate_DisplayNameAtMaximumLength_NoViolation() =>
        Assert.Empty(ApiKeyRules.Validate(new string('é', ApiKeyRules.MaxDisplayNameLength)));

    [Fact]
    public void Validate_DisplayNameOneCharacterTooLong_TooLong() =>
        Assert.Equal(
            new FieldViolation("display_name", "TOO_LONG", "At most 200 characters.", "Le nom de la clé d'API ne doit pas dépasser 200 caractères."),
            Assert.Single(ApiKeyRules.Validate(new string('a', 201))));
}
