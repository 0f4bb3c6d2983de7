using Bilan.Domain.Errors;

namespace Bilan.Domain.Tests.Errors;

public sealed class RuleViolationExceptionTests
{
    [Fact]
    public void Failures_NoneGiven_EmptyList()
    {
        var exception = new RuleViolationException("BILAN_ENDED", "The bilan is over.", "Ce bilan est terminé.");

        Assert.Empty(exception.Failures);
        Assert.Empty(exception.Metadata);
    }

    [Fact]
    public void Failures_Given_KeptInOrderWithEveryText()
    {
        ConditionFailure[] failures =
        [
            new("CONSULTANT_REQUIRED", "consultant", "No consultant.", "Aucun consultant."),
            new("SITUATION_FORBIDS_BILAN", "situations[2]", "Maternity leave.", "Congé maternité."),
        ];

        var exception = new RuleViolationException("TRANSITION_CONDITIONS_NOT_MET", "Refused.", "Action impossible.",
            new Dictionary<string, string> { ["conditions"] = "CONSULTANT_REQUIRED,SITUATION_FORBIDS_BILAN" }, failures);

        Assert.Equal(failures, exception.Failures);
        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", exception.Reason);
        Assert.Equal("Refused.", exception.Message);
        Assert.Equal("Action impossible.", exception.FrenchMessage);
        Assert.Equal("CONSULTANT_REQUIRED,SITUATION_FORBIDS_BILAN", exception.Metadata["conditions"]);
    }
}
