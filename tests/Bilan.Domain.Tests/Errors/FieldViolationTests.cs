using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Errors;

public sealed class FieldViolationTests
{
    [Fact]
    public void Under_Parent_PrefixesOnlyTheFieldPath() =>
        Assert.Equal(
            new FieldViolation("beneficiary.situations[0].end_date", "END_BEFORE_START", "English.", "Français."),
            new FieldViolation("situations[0].end_date", "END_BEFORE_START", "English.", "Français.").Under("beneficiary"));
}
