using Bilan.Domain.Errors;
using Bilan.Server.Api;

namespace Bilan.Server.Tests.Api;

public sealed class PageSizeTests
{
    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 1)]
    [InlineData(50, 50)]
    [InlineData(199, 199)]
    [InlineData(200, 200)]
    [InlineData(201, 200)]
    [InlineData(int.MaxValue, 200)]
    public void Resolve_NonNegative_DefaultOrCappedAtMaximum(int requested, int expected) =>
        Assert.Equal(expected, PageSize.Resolve(requested));

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Resolve_Negative_RefusedOnPageSize(int requested)
    {
        var exception = Assert.Throws<InvalidFieldsException>(() => PageSize.Resolve(requested));

        Assert.Equal(
            new FieldViolation("page_size", "NEGATIVE", "Must not be negative.", "La taille de page ne peut pas être négative."),
            Assert.Single(exception.Violations));
    }
}
