using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;
using static Bilan.Server.Tests.TestSupport.QualityJourneys;

namespace Bilan.Server.Tests.Features.Quality;

/// <summary>
/// A year of bilans on a server of its own (so that no other test's bilans are counted), with the indicators of 2027
/// checked against figures computed by hand below.
/// </summary>
public sealed class QualityIndicatorsTests(QualityIndicatorsTests.SeededYear year) : IClassFixture<QualityIndicatorsTests.SeededYear>
{
    private static readonly DateOnly Start2027 = new(2027, 1, 1);
    private static readonly DateOnly End2027 = new(2027, 12, 31);

    [Fact]
    public async Task Indicators_2027_MatchTheFiguresComputedByHand()
    {
        var indicators = await year.Server.Quality().GetQualityIndicatorsAsync(Period(Start2027, End2027));

        // Started in 2027: B, C, D, E, F, G, H, I, J = 9 (A started in November 2026).
        Assert.Equal(9, indicators.BilansStarted);
        // Completed in 2027: B, C, D, E and I (at 23:30 Paris on 31 December) = 5. Not A (December 2026), not J
        // (00:30 Paris on 1 January 2028, still 31 December in UTC).
        Assert.Equal(5, indicators.BilansCompleted);
        // Abandoned in 2027: F, G = 2. H is still running.
        Assert.Equal(2, indicators.BilansAbandoned);
        // Ended = 5 + 2 = 7; completion = 5 / 7; abandonment = 2 / 7.
        Assert.Equal(7, indicators.BilansEnded);
        Assert.Equal(5.0 / 7, indicators.CompletionRate, 12);
        Assert.Equal(2.0 / 7, indicators.AbandonmentRate, 12);
        // Surveys of the 5 completed: B = 5, C = 4, D = 2, I = 5 (E has none) -> 4 surveys; response = 4 / 5 = 0.8.
        // A's (1) is outside the period, F's (3) is of an abandoned bilan, J's (4) is outside: none counts.
        Assert.Equal(4, indicators.SurveyCount);
        Assert.Equal(0.8, indicators.ResponseRate, 12);
        // Average = (5 + 4 + 2 + 5) / 4 = 16 / 4 = 4.0; satisfied (4 or 5): B, C, I = 3 of 4 = 0.75.
        Assert.Equal(4.0, indicators.AverageScore, 12);
        Assert.Equal(0.75, indicators.SatisfiedRate, 12);
        // Complaints received in 2027: K2 (10/03), K3 (20/11), K4 (20/12), K5 (01/06) = 4 (K1 is of 2026, K6 of 2028).
        // Resolved in 2027: K1 (answered 05/01/2027) and K2 (25/03) = 2 (K4 answered in 2028). Rejected: K3 = 1.
        Assert.Equal((4, 2, 1), (indicators.ComplaintsReceived, indicators.ComplaintsResolved, indicators.ComplaintsRejected));
    }

    [Fact]
    public async Task Indicators_LastDayOfTheYear_OnlyTheBilanCompletedThatParisDay()
    {
        var indicators = await year.Server.Quality().GetQualityIndicatorsAsync(Period(End2027, End2027));

        // Only I completed on 31/12/2027 in Paris (22:30 UTC); J completed at 23:30 UTC, already 1 January in Paris.
        Assert.Equal((1, 0, 1), (indicators.BilansCompleted, indicators.BilansAbandoned, indicators.BilansEnded));
        Assert.Equal(1.0, indicators.CompletionRate);
        Assert.Equal(5.0, indicators.AverageScore);
    }

    [Fact]
    public async Task Indicators_PeriodWithoutEndedBilans_RatesUnsetNotZero()
    {
        var indicators = await year.Server.Quality().GetQualityIndicatorsAsync(Period(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));

        Assert.Equal(0, indicators.BilansEnded);
        Assert.False(indicators.HasCompletionRate);
        Assert.False(indicators.HasAbandonmentRate);
        Assert.False(indicators.HasResponseRate);
        Assert.False(indicators.HasAverageScore);
    }

    [Fact]
    public async Task Indicators_EndBeforeStart_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () =>
            year.Server.Quality().GetQualityIndicatorsAsync(Period(End2027, Start2027)));

        Assert.Equal(["end_date"], status.BadFields());
    }

    private static GetQualityIndicatorsRequest Period(DateOnly start, DateOnly end) => new() { StartDate = DateOf(start), EndDate = DateOf(end) };

    /// <summary>
    /// The year, written through the API with the test clock moved from date to date (it only moves forward):
    /// A completed 12/2026 (survey 1); B 02/2027 (5); F abandoned 03/2027 (survey 3); C 04/2027 (4); D 06/2027 (2);
    /// E 09/2027 (no survey); G abandoned 10/2027; H started 11/2027, still running; I and J made ready in December,
    /// I completed 31/12/2027 22:30 UTC (survey 5), J 31/12/2027 23:30 UTC = 01/01/2028 00:30 Paris (survey 4);
    /// then six complaints K1 to K6 with the dates given below.
    /// </summary>
    public sealed class SeededYear : IAsyncLifetime
    {
        public ApiServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await ApiServer.StartAsync();
            var a = await Server.NewCompletedBilanAsync();
            await Server.RecordSurveyAsync(a.Name, 1);

            await CompletedOnAsync(new DateTimeOffset(2027, 2, 1, 8, 0, 0, TimeSpan.Zero), survey: 5);
            await At(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
            await Server.RecordSurveyAsync((await Server.NewAbandonedBilanAsync()).Name, 3);
            await CompletedOnAsync(new DateTimeOffset(2027, 4, 1, 8, 0, 0, TimeSpan.Zero), survey: 4);
            await CompletedOnAsync(new DateTimeOffset(2027, 6, 1, 8, 0, 0, TimeSpan.Zero), survey: 2);
            await CompletedOnAsync(new DateTimeOffset(2027, 9, 1, 8, 0, 0, TimeSpan.Zero), survey: null);
            await At(new DateTimeOffset(2027, 10, 1, 8, 0, 0, TimeSpan.Zero));
            await Server.NewAbandonedBilanAsync();
            await At(new DateTimeOffset(2027, 11, 1, 8, 0, 0, TimeSpan.Zero));
            await Server.NewStartedBilanAsync();

            await At(new DateTimeOffset(2027, 12, 10, 8, 0, 0, TimeSpan.Zero));
            var i = await Server.ReadyToCompleteAsync(await Server.NewAssignedBilanAsync());
            var j = await Server.ReadyToCompleteAsync(await Server.NewAssignedBilanAsync());
            await At(new DateTimeOffset(2027, 12, 31, 22, 30, 0, TimeSpan.Zero));
            await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = i.Name });
            await Server.RecordSurveyAsync(i.Name, 5);
            await At(new DateTimeOffset(2027, 12, 31, 23, 30, 0, TimeSpan.Zero));
            await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = j.Name });
            await Server.RecordSurveyAsync(j.Name, 4);

            await At(new DateTimeOffset(2028, 1, 15, 9, 0, 0, TimeSpan.Zero));
            await ComplaintAsync(new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 22), inProgress: false, resolved: new DateOnly(2027, 1, 5), rejected: null); // K1
            await ComplaintAsync(new DateOnly(2027, 3, 10), new DateOnly(2027, 3, 11), inProgress: false, resolved: new DateOnly(2027, 3, 25), rejected: null); // K2
            await ComplaintAsync(new DateOnly(2027, 11, 20), new DateOnly(2027, 11, 21), inProgress: true, resolved: null, rejected: new DateOnly(2027, 12, 15)); // K3
            await ComplaintAsync(new DateOnly(2027, 12, 20), new DateOnly(2027, 12, 21), inProgress: false, resolved: new DateOnly(2028, 1, 10), rejected: null); // K4
            await ComplaintAsync(new DateOnly(2027, 6, 1), null, inProgress: false, resolved: null, rejected: null); // K5, still received
            await ComplaintAsync(new DateOnly(2028, 1, 5), null, inProgress: false, resolved: null, rejected: null); // K6
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        private Task At(DateTimeOffset time)
        {
            Server.Clock.SetUtcNow(time);
            return Task.CompletedTask;
        }

        private async Task<BilanResource> CompletedOnAsync(DateTimeOffset from, int? survey)
        {
            await At(from);
            var bilan = await Server.NewCompletedBilanAsync();
            if (survey is { } score)
            {
                await Server.RecordSurveyAsync(bilan.Name, score);
            }

            return bilan;
        }

        private async Task ComplaintAsync(DateOnly received, DateOnly? acknowledged, bool inProgress, DateOnly? resolved, DateOnly? rejected)
        {
            var quality = Server.Quality();
            var complaint = await Server.NewComplaintAsync(received);
            if (acknowledged is { } ack)
            {
                await quality.AcknowledgeComplaintAsync(new AcknowledgeComplaintRequest { Name = complaint.Name, AcknowledgeDate = DateOf(ack) });
            }

            if (inProgress)
            {
                await quality.StartComplaintHandlingAsync(new StartComplaintHandlingRequest { Name = complaint.Name });
            }

            if (resolved is { } answered)
            {
                await quality.ResolveComplaintAsync(new ResolveComplaintRequest { Name = complaint.Name, Answer = "Réponse.", AnswerDate = DateOf(answered) });
            }

            if (rejected is { } refused)
            {
                await quality.RejectComplaintAsync(new RejectComplaintRequest { Name = complaint.Name, Answer = "Non fondée.", AnswerDate = DateOf(refused) });
            }
        }
    }
}
