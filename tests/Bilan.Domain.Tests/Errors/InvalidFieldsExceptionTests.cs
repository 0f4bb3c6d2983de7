using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Errors;

public sealed class InvalidFieldsExceptionTests
{
    private static readonly FieldViolation EmailRequired = new("email", "REQUIRED", "Required.", "L'adresse e-mail est obligatoire.");

    private static readonly FieldViolation PhoneInvalid = new("phone", "INVALID_FORMAT", "Not a telephone number.", "Numéro invalide.");

    [Fact]
    public void Message_OneViolation_NamesFieldAndDescription() =>
        Assert.Equal("Invalid field email: Required.", new InvalidFieldsException([EmailRequired]).Message);

    [Fact]
    public void Message_SeveralViolations_CountsAndNamesEveryField() =>
        Assert.Equal("2 invalid fields: email, phone.", new InvalidFieldsException([EmailRequired, PhoneInvalid]).Message);

    [Fact]
    public void ThrowIfAny_NoViolation_DoesNotThrow() =>
        Assert.Null(Record.Exception(() => InvalidFieldsException.ThrowIfAny([])));

    [Fact]
    public void ThrowIfAny_Violations_ThrowsWithAllOfThem()
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => InvalidFieldsException.ThrowIfAny([EmailRequired, PhoneInvalid]));

        Assert.Equal([EmailRequired, PhoneInvalid], exception.Violations);
    }
}
