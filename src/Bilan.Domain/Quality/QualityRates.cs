namespace Bilan.Domain.Quality;

/// <summary>
/// What the indicators count over a period (see <see cref="QualityRates"/> for the definitions): bilans completed and
/// abandoned in it; of the completed ones, the surveys recorded, the sum of their overall scores, and how many score
/// <see cref="SatisfactionSurveyRules.SatisfiedFrom"/> or more.
/// </summary>
public sealed record QualityCounts(int Completed, int Abandoned, int SurveyCount, long ScoreSum, int SatisfiedCount);

/// <summary>
/// The result indicators of a period, from its counts. Over the bilans that ended in the period (completed or
/// abandoned): completion rate = completed / ended, abandonment rate = abandoned / ended. Over the bilans completed
/// in the period: response rate = surveys / completed, average score = score sum / surveys, satisfied rate =
/// satisfied surveys / surveys. A rate with nothing to divide by is null (not 0: "no data" is not "0 %").
/// </summary>
public sealed record QualityRates(int Ended, double? CompletionRate, double? AbandonmentRate, double? ResponseRate, double? AverageScore, double? SatisfiedRate)
{
    public static QualityRates Of(QualityCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var ended = counts.Completed + counts.Abandoned;
        return new QualityRates(
            ended,
            Ratio(counts.Completed, ended),
            Ratio(counts.Abandoned, ended),
            Ratio(counts.SurveyCount, counts.Completed),
            Ratio(counts.ScoreSum, counts.SurveyCount),
            Ratio(counts.SatisfiedCount, counts.SurveyCount));
    }

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
