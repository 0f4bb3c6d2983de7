using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Quality;

namespace Bilan.Domain.Tests.Quality;

public sealed class SatisfactionSurveyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static SurveyAnswers Valid => new(4, 5, 0, 3, 0, "Très utile.", Today);

    [Fact]
    public void Check_ValidAnswers_NoViolation() => Assert.Empty(SatisfactionSurveyRules.Check(Valid, Today));

    [Theory]
    [InlineData(0, "REQUIRED")]
    [InlineData(-1, "OUT_OF_RANGE")]
    [InlineData(6, "OUT_OF_RANGE")]
    [InlineData(10, "OUT_OF_RANGE")]
    public void Check_BadOverallScore_Named(int score, string reason)
    {
        var violation = Assert.Single(SatisfactionSurveyRules.Check(Valid with { OverallScore = score }, Today));

        Assert.Equal("survey.overall_score", violation.Field);
        Assert.Equal(reason, violation.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Check_ScoreBounds_Accepted(int score) =>
        Assert.Empty(SatisfactionSurveyRules.Check(Valid with { OverallScore = score, WelcomeScore = score, ConsultantScore = score, MethodsScore = score, GoalsScore = score }, Today));

    [Fact]
    public void Check_EveryBadFieldAtOnce()
    {
        var answers = new SurveyAnswers(9, 6, -2, 7, 8, new string('x', 4001), Today.AddDays(1));

        var fields = SatisfactionSurveyRules.Check(answers, Today).Select(v => v.Field);

        Assert.Equal(
            ["survey.overall_score", "survey.welcome_score", "survey.consultant_score", "survey.methods_score", "survey.goals_score", "survey.comments", "survey.answer_date"],
            fields);
    }

    [Theory]
    [InlineData(BilanState.Requested, false)]
    [InlineData(BilanState.Preliminary, false)]
    [InlineData(BilanState.Investigation, false)]
    [InlineData(BilanState.Conclusion, false)]
    [InlineData(BilanState.Completed, true)]
    [InlineData(BilanState.FollowUp, true)]
    [InlineData(BilanState.Closed, true)]
    [InlineData(BilanState.Abandoned, true)]
    [InlineData(BilanState.Cancelled, false)]
    public void AllowedIn_OnceTheBilanHasEnded(BilanState state, bool allowed)
    {
        Assert.Equal(allowed, SatisfactionSurveyRules.AllowedIn(state));
        if (!allowed)
        {
            var refused = Assert.Throws<RuleViolationException>(() => SatisfactionSurveyRules.EnsureAllowed(state));
            Assert.Equal("SATISFACTION_SURVEY_NOT_ALLOWED_IN_STATE", refused.Reason);
            Assert.Equal(ApiNames.Of(state), refused.Metadata["state"]);
        }
    }
}
