using Bilan.Domain.Quality;

namespace Bilan.Domain.Tests.Quality;

public sealed class QualityRatesTests
{
    [Fact]
    public void Of_Counts_RatesAsDefined()
    {
        // 8 completed + 2 abandoned = 10 ended: completion 8/10, abandonment 2/10.
        // 6 surveys of the 8 completed: response 6/8; scores summing 25: average 25/6; 4 of them at 4 or 5: 4/6.
        var rates = QualityRates.Of(new QualityCounts(Completed: 8, Abandoned: 2, SurveyCount: 6, ScoreSum: 25, SatisfiedCount: 4));

        Assert.Equal(10, rates.Ended);
        Assert.Equal(0.8, rates.CompletionRate);
        Assert.Equal(0.2, rates.AbandonmentRate);
        Assert.Equal(0.75, rates.ResponseRate);
        Assert.Equal(25.0 / 6, rates.AverageScore);
        Assert.Equal(4.0 / 6, rates.SatisfiedRate);
    }

    [Fact]
    public void Of_NothingEnded_NoRateRatherThanZero()
    {
        var rates = QualityRates.Of(new QualityCounts(0, 0, 0, 0, 0));

        Assert.Equal(0, rates.Ended);
        Assert.Null(rates.CompletionRate);
        Assert.Null(rates.AbandonmentRate);
        Assert.Null(rates.ResponseRate);
        Assert.Null(rates.AverageScore);
        Assert.Null(rates.SatisfiedRate);
    }

    [Fact]
    public void Of_OnlyAbandoned_CompletionZeroAndNoSatisfaction()
    {
        var rates = QualityRates.Of(new QualityCounts(0, 3, 0, 0, 0));

        Assert.Equal(0.0, rates.CompletionRate);
        Assert.Equal(1.0, rates.AbandonmentRate);
        Assert.Null(rates.ResponseRate);
        Assert.Null(rates.AverageScore);
    }
}
