using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using SynthesisState = Bilan.Contracts.V1.Synthesis.Types.State;

namespace Bilan.Server.Tests.Features.Retention;

/// <summary>R6313-7: the documents of a bilan are destroyed when it ends, except those the law lets the provider keep.</summary>
public sealed class RetentionAtEndTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task CloseBilan_NoKeepAgreement_NotesAndSynthesisDestroyedNothingElseTouched()
    {
        var (other, _) = await Server.InConclusionWithDocumentsAsync(Requests.JobSeeker("Lemoine", "Aurore"));
        var otherSynthesisBefore = await Server.Syntheses().GetSynthesisAsync(new GetSynthesisRequest { Name = RetentionJourneys.SynthesisName(other.Name) });
        var (bilan, conclusion) = await Server.InConclusionWithDocumentsAsync(Requests.JobSeeker("Garnier", "Sophie"));
        var beneficiaryBefore = await Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = bilan.Beneficiary });
        var interviewsBefore = (await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name })).Interviews;
        var eventsBefore = await Server.EventsAsync(bilan.Name);

        var closed = await Server.DeliverCompleteAndCloseAsync(bilan);

        var synthesis = await Server.Syntheses().GetSynthesisAsync(new GetSynthesisRequest { Name = RetentionJourneys.SynthesisName(bilan.Name) });
        Assert.Equal(SynthesisState.Destroyed, synthesis.State);
        Assert.Equal(["", "", "", ""], [synthesis.Circumstances, synthesis.SkillsAndOptions, synthesis.ProjectAndSteps, synthesis.BeneficiaryObservations]);
        var notes = await Server.Syntheses().GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = $"{conclusion.Name}/notes" });
        Assert.True(notes.Destroyed);
        Assert.Equal("", notes.Text);
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM synthesis_versions WHERE bilan_id = '{Id(bilan.Name)}' AND (destroyed_time IS NULL OR circumstances <> '')"));
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM retained_documents WHERE bilan_id = '{Id(bilan.Name)}'"));

        // Nothing else: the person, the interviews, the history so far, another bilan's synthesis.
        Assert.Equal(beneficiaryBefore, await Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = bilan.Beneficiary }));
        Assert.Equal(interviewsBefore, (await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name })).Interviews);
        var events = await Server.EventsAsync(bilan.Name);
        Assert.Equal(eventsBefore, events.Take(eventsBefore.Count));
        Assert.Equal(otherSynthesisBefore, await Server.Syntheses().GetSynthesisAsync(new GetSynthesisRequest { Name = RetentionJourneys.SynthesisName(other.Name) }));

        var destroyed = Assert.Single(events, e => e.Type == BilanEventType.DocumentsDestroyed);
        Assert.Equal(Contracts.V1.Bilan.Types.State.Closed, closed.State);
        Assert.Equal("", destroyed.Attributes["kept"]);
        Assert.Equal("", destroyed.Attributes["retain_until"]);
        Assert.Equal("synthesis,interview_notes", destroyed.Attributes["destroyed"]);
        Assert.Equal(BilanEventType.Closed, events[events.ToList().IndexOf(destroyed) - 1].Type);
    }

    [Fact]
    public async Task CloseBilan_SynthesisSentToCepOperator_SynthesisKeptThreeYearsNotesDestroyed()
    {
        var (bilan, conclusion) = await Server.InConclusionWithDocumentsAsync(Requests.JobSeeker("Perrin", "Lucas"));
        await Server.SendToCepOperatorAsync(bilan.Name);

        await Server.DeliverCompleteAndCloseAsync(bilan);

        var synthesis = await Server.Syntheses().GetSynthesisAsync(new GetSynthesisRequest { Name = RetentionJourneys.SynthesisName(bilan.Name) });
        Assert.Equal(SynthesisState.Delivered, synthesis.State);
        Assert.Equal(RetentionJourneys.Circumstances, synthesis.Circumstances);
        Assert.True((await Server.Syntheses().GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = $"{conclusion.Name}/notes" })).Destroyed);
        var destroyed = Assert.Single(await Server.EventsAsync(bilan.Name), e => e.Type == BilanEventType.DocumentsDestroyed);
        Assert.Equal("synthesis", destroyed.Attributes["kept"]);
        Assert.Equal(ThreeYearsAfterToday(), destroyed.Attributes["retain_until"]);
        Assert.Equal(1L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM retained_documents WHERE bilan_id = '{Id(bilan.Name)}' AND reason = 1 AND retain_until = DATE '{ThreeYearsAfterToday()}'"));
    }

    [Fact]
    public async Task AbandonBilan_WrittenAgreementToKeep_NotesAndSynthesisKept()
    {
        var (bilan, conclusion) = await Server.InConclusionWithDocumentsAsync(Requests.JobSeeker("Roux", "Inès"), keepDocumentsForFollowUp: true);

        await Server.Bilans.AbandonBilanAsync(new AbandonBilanRequest { Name = bilan.Name, Reason = AbandonReason.Personal });

        var notes = await Server.Syntheses().GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = $"{conclusion.Name}/notes" });
        Assert.False(notes.Destroyed);
        Assert.Equal(RetentionJourneys.Notes, notes.Text);
        Assert.Equal(RetentionJourneys.Circumstances,
            (await Server.Syntheses().GetSynthesisAsync(new GetSynthesisRequest { Name = RetentionJourneys.SynthesisName(bilan.Name) })).Circumstances);
        var destroyed = Assert.Single(await Server.EventsAsync(bilan.Name), e => e.Type == BilanEventType.DocumentsDestroyed);
        Assert.Equal("synthesis,interview_notes", destroyed.Attributes["kept"]);
        Assert.Equal("", destroyed.Attributes["destroyed"]);
    }

    private string ThreeYearsAfterToday() =>
        Domain.FrenchCalendar.DateOf(Server.Clock.GetUtcNow()).AddYears(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static Guid Id(string name) => Guid.Parse(name[(name.LastIndexOf('/') + 1)..]);
}
