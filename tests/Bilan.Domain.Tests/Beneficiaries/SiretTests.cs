using Bilan.Domain.Beneficiaries;

namespace Bilan.Domain.Tests.Beneficiaries;

public sealed class SiretTests
{
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("44306184100047")]
    [InlineData("21750001600019")]
    [InlineData("35600000000048")] // La Poste's head office: checked by the ordinary Luhn key.
    [InlineData("35600000010000")] // A La Poste establishment: digit sum 15, a multiple of 5, Luhn key wrong.
    [InlineData("35600000049837")] // Another La Poste establishment: digit sum 45.
    public void IsValid_RealSiret_True(string siret) => Assert.True(Siret.IsValid(siret));

    [Theory]
    [InlineData("73282932000075")] // Last digit changed: Luhn key wrong.
    [InlineData("44306184100074")] // Two digits swapped.
    [InlineData("12345678901234")]
    [InlineData("35600000010013")] // La Poste: Luhn key right but digit sum 23, not a multiple of 5.
    [InlineData("35600000000049")] // La Poste's head office with a wrong key.
    [InlineData("7328293200007")] // 13 digits.
    [InlineData("732829320000740")] // 15 digits.
    [InlineData("7328293200007A")] // A letter.
    [InlineData("732 829 320 00074")] // Spaces, as printed on invoices.
    [InlineData(" 73282932000074")] // Leading space.
    [InlineData("7328293200007٤")] // A non-ASCII digit (Arabic-Indic four).
    [InlineData("")]
    public void IsValid_NotASiret_False(string siret) => Assert.False(Siret.IsValid(siret));
}
