using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Quality;

/// <summary>
/// The answers of a satisfaction survey: the overall score (1 to 5, required), the per-question scores (1 to 5, 0 when
/// not answered), the beneficiary's comments and the day they answered.
/// </summary>
public sealed record SurveyAnswers(
    int OverallScore, int WelcomeScore, int ConsultantScore, int MethodsScore, int GoalsScore, string Comments, DateOnly AnswerDate);

/// <summary>
/// The satisfaction survey of a bilan: scores on a 5-point scale (1 very dissatisfied, 2 dissatisfied, 3 neutral,
/// 4 satisfied, 5 very satisfied), the usual scale of Qualiopi satisfaction questionnaires; a score of 4 or 5 counts as
/// "satisfied" in the indicators.
/// </summary>
public static class SatisfactionSurveyRules
{
    public const int MinimumScore = 1;

    public const int MaximumScore = 5;

    /// <summary>From this score on, the beneficiary counts as satisfied.</summary>
    public const int SatisfiedFrom = 4;

    public const int MaxCommentsLength = 4000;

    /// <summary>
    /// A survey is answered once the bilan has ended: completed (COMPLETED, then FOLLOW_UP, CLOSED) or abandoned (the
    /// beneficiary who stopped may say why). Not while it runs, nor for a bilan cancelled before its start.
    /// </summary>
    public static bool AllowedIn(BilanState state) =>
        state is BilanState.Completed or BilanState.FollowUp or BilanState.Closed or BilanState.Abandoned;

    /// <summary>Every bad answer at once; the field names are those of the API (<c>survey.overall_score</c>).</summary>
    public static IReadOnlyList<FieldViolation> Check(SurveyAnswers answers, DateOnly today, string prefix = "survey.")
    {
        ArgumentNullException.ThrowIfNull(answers);
        var checks = new FieldChecks();
        if (answers.OverallScore == 0)
        {
            checks.Add(prefix + "overall_score", "REQUIRED", "Required: a score from 1 to 5.", "La note globale (de 1 à 5) est obligatoire.");
        }
        else
        {
            CheckScore(checks, prefix + "overall_score", answers.OverallScore, "La note globale");
        }

        CheckOptionalScore(checks, prefix + "welcome_score", answers.WelcomeScore, "La note de l'accueil");
        CheckOptionalScore(checks, prefix + "consultant_score", answers.ConsultantScore, "La note de l'accompagnement");
        CheckOptionalScore(checks, prefix + "methods_score", answers.MethodsScore, "La note des méthodes et outils");
        CheckOptionalScore(checks, prefix + "goals_score", answers.GoalsScore, "La note de l'atteinte des objectifs");
        checks.LimitLength(prefix + "comments", answers.Comments, MaxCommentsLength, "Le commentaire");
        if (answers.AnswerDate != DateOnly.MinValue && answers.AnswerDate > today)
        {
            checks.Add(prefix + "answer_date", "DATE_IN_FUTURE", "The answer date cannot be in the future (Paris calendar).",
                "La date de réponse ne peut pas être dans le futur.");
        }

        return checks.Violations;
    }

    /// <summary>FAILED_PRECONDITION SATISFACTION_SURVEY_NOT_ALLOWED_IN_STATE while the bilan has not ended.</summary>
    public static void EnsureAllowed(BilanState state)
    {
        if (!AllowedIn(state))
        {
            throw new RuleViolationException(
                "SATISFACTION_SURVEY_NOT_ALLOWED_IN_STATE",
                $"A satisfaction survey is recorded once the bilan is completed or abandoned; this bilan is {ApiNames.Of(state)}.",
                $"Le questionnaire de satisfaction s'enregistre une fois le bilan terminé ou abandonné ; ce bilan est « {FrenchNames.Of(state)} ».",
                new Dictionary<string, string> { ["state"] = ApiNames.Of(state) });
        }
    }

    private static void CheckOptionalScore(FieldChecks checks, string field, int score, string frenchName)
    {
        if (score != 0)
        {
            CheckScore(checks, field, score, frenchName);
        }
    }

    private static void CheckScore(FieldChecks checks, string field, int score, string frenchName)
    {
        if (score is < MinimumScore or > MaximumScore)
        {
            checks.Add(field, "OUT_OF_RANGE", $"A score from {MinimumScore} to {MaximumScore}.",
                $"{frenchName} doit être comprise entre {MinimumScore} et {MaximumScore}.");
        }
    }
}
