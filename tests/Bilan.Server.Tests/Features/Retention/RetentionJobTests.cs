using Bilan.Contracts.V1;
using Bilan.Server.Features.Retention;
using Bilan.Server.Tests.TestSupport;
using SynthesisState = Bilan.Contracts.V1.Synthesis.Types.State;

namespace Bilan.Server.Tests.Features.Retention;

/// <summary>The end of the retention (R6313-7: at most 3 years), on a server of its own since the test moves its clock by years.</summary>
public sealed class RetentionJobTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task RunOnce_ThreeYearsAfterTheEnd_KeptDocumentsDestroyedWithAnEventWithoutContent()
    {
        var (sentToCep, _) = await Server.InConclusionWithDocumentsAsync(Requests.JobSeeker("Fabre", "Nathan"));
        await Server.SendToCepOperatorAsync(sentToCep.Name);
        await Server.DeliverCompleteAndCloseAsync(sentToCep);
        var firstRetainUntil = Domain.FrenchCalendar.DateOf(Server.Clock.GetUtcNow()).AddYears(3);
        var (agreed, conclusion) = await Server.InConclusionWithDocumentsAsync(Requests.JobSeeker("Marchand", "Léa"), keepDocumentsForFollowUp: true);
        await Server.DeliverCompleteAndCloseAsync(agreed);
        var retainUntil = Domain.FrenchCalendar.DateOf(Server.Clock.GetUtcNow()).AddYears(3);
        var job = Server.Service<RetentionJob>();

        // The day before the end of the first retention (23:30 in Paris), nothing goes.
        Server.Clock.SetUtcNow(new DateTimeOffset(firstRetainUntil.AddDays(-1).ToDateTime(new TimeOnly(22, 30)), TimeSpan.Zero));
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
        Assert.Equal(SynthesisState.Delivered, (await SynthesisOf(sentToCep.Name)).State);
        Assert.Equal(RetentionJourneys.Notes, (await Server.Syntheses().GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = $"{conclusion.Name}/notes" })).Text);

        // 23:30 UTC is already the next day in Paris: the last retention is over.
        Server.Clock.SetUtcNow(new DateTimeOffset(retainUntil.AddDays(-1).ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero));
        await job.RunOnceAsync(CancellationToken.None);

        foreach (var bilan in new[] { sentToCep, agreed })
        {
            var synthesis = await SynthesisOf(bilan.Name);
            Assert.Equal(SynthesisState.Destroyed, synthesis.State);
            Assert.Equal("", synthesis.Circumstances);
            var destroyed = Assert.Single(await Server.EventsAsync(bilan.Name), e => e.Type == BilanEventType.RetainedDocumentsDestroyed);
            Assert.Equal("system", destroyed.Actor);
            Assert.DoesNotContain(destroyed.Attributes.Values, value => value.Contains("Reconversion", StringComparison.Ordinal));
            Assert.Equal(0L, await Server.Database.ScalarAsync<long>(
                $"SELECT count(*) FROM retained_documents WHERE bilan_id = '{RetentionAtEndTests.Id(bilan.Name)}'"));
        }

        var notes = await Server.Syntheses().GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = $"{conclusion.Name}/notes" });
        Assert.True(notes.Destroyed);
        Assert.Equal("", notes.Text);

        // A second pass finds nothing more to do.
        Assert.Equal(0, await job.RunOnceAsync(CancellationToken.None));
    }

    private Task<Synthesis> SynthesisOf(string bilanName) =>
        Server.Syntheses().GetSynthesisAsync(new GetSynthesisRequest { Name = RetentionJourneys.SynthesisName(bilanName) }).ResponseAsync;
}
