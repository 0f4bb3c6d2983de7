using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf;
using Grpc.Core;
using static Bilan.Server.Tests.TestSupport.QualityJourneys;

namespace Bilan.Server.Tests.Features.Quality;

/// <summary>The beneficiary's satisfaction survey: once per bilan, once it has ended, its comments kept to itself.</summary>
[Collection(ApiTests.Name)]
public sealed class SatisfactionSurveyTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Record_CompletedBilan_ReadBackListedAndInHistoryWithoutComments()
    {
        var bilan = await Server.NewCompletedBilanAsync();
        var marker = $"Très bon accompagnement {Guid.NewGuid():N}";

        var recorded = await Server.Quality().RecordSatisfactionSurveyAsync(new RecordSatisfactionSurveyRequest
        {
            Parent = bilan.Name,
            Survey = new SatisfactionSurvey
            {
                OverallScore = 5, WelcomeScore = 4, ConsultantScore = 5, GoalsScore = 3, Comments = $"  {marker} ", AnswerDate = DateOf(Server.Today()),
            },
            RequestId = Guid.NewGuid().ToString(),
        });

        Assert.Equal($"{bilan.Name}/satisfactionSurvey", recorded.Name);
        Assert.Equal((5, 4, 5, 0, 3, marker), (recorded.OverallScore, recorded.WelcomeScore, recorded.ConsultantScore, recorded.MethodsScore, recorded.GoalsScore, recorded.Comments));
        Assert.Equal(recorded, await Server.Quality().GetSatisfactionSurveyAsync(new GetSatisfactionSurveyRequest { Name = recorded.Name }));
        var listed = await Server.Quality().ListSatisfactionSurveysAsync(new ListSatisfactionSurveysRequest { Filter = $"bilan = \"{bilan.Name}\"" });
        Assert.Equal(recorded, Assert.Single(listed.Surveys));
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
        var recordedEvent = Assert.Single(events, e => e.Type == BilanEventType.SatisfactionSurveyRecorded);
        Assert.Empty(recordedEvent.Attributes);
        // The beneficiary's words stay in the survey: not in events, logs, nor the idempotency log.
        Assert.DoesNotContain(marker, JsonFormatter.Default.Format(new ListBilanEventsResponse { Events = { events } }), StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM request_log WHERE position(convert_to('{marker}', 'UTF8') in response) > 0"));
    }

    [Fact]
    public async Task Record_AbandonedBilan_Accepted()
    {
        var bilan = await Server.NewAbandonedBilanAsync();

        var recorded = await Server.RecordSurveyAsync(bilan.Name, 2, "J'ai dû arrêter pour raisons personnelles.");

        Assert.Equal(2, recorded.OverallScore);
    }

    [Fact]
    public async Task Record_BilanStillRunning_FailedPreconditionInFrench()
    {
        var bilan = await Server.NewStartedBilanAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.RecordSurveyAsync(bilan.Name, 4));

        Assert.Equal("SATISFACTION_SURVEY_NOT_ALLOWED_IN_STATE", status.ErrorInfo().Reason);
        Assert.Equal("STATE_PRELIMINARY", status.ErrorInfo().Metadata["state"]);
        Assert.Equal("Le questionnaire de satisfaction s'enregistre une fois le bilan terminé ou abandonné ; ce bilan est « phase préliminaire ».",
            status.FrenchMessage());
    }

    [Fact]
    public async Task Record_Twice_AlreadyExistsThenCorrectedWithEtagStaleEtagAborted()
    {
        var bilan = await Server.NewCompletedBilanAsync();
        var first = await Server.RecordSurveyAsync(bilan.Name, 3);

        var exists = await RpcFailure.Of(StatusCode.AlreadyExists, () => Server.RecordSurveyAsync(bilan.Name, 4));
        var corrected = await Server.Quality().RecordSatisfactionSurveyAsync(Correction(bilan.Name, 4, first.Etag));
        var stale = await RpcFailure.Of(StatusCode.Aborted, () => Server.Quality().RecordSatisfactionSurveyAsync(Correction(bilan.Name, 5, first.Etag)));

        Assert.Equal("satisfactionSurvey", exists.ErrorInfo().Metadata["resource_type"]);
        Assert.Equal(4, corrected.OverallScore);
        Assert.NotEqual(first.Etag, corrected.Etag);
        Assert.Equal(first.CreateTime, corrected.CreateTime);
        Assert.Equal("ETAG_MISMATCH", stale.ErrorInfo().Reason);
        Assert.Equal(4, (await Server.Quality().GetSatisfactionSurveyAsync(new GetSatisfactionSurveyRequest { Name = first.Name })).OverallScore);
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events
            .Where(e => e.Type == BilanEventType.SatisfactionSurveyRecorded).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal("true", events[1].Attributes["corrected"]);
    }

    [Fact]
    public async Task Record_BadScoresAndDate_EveryBadFieldAtOnce()
    {
        var bilan = await Server.NewAbandonedBilanAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Quality().RecordSatisfactionSurveyAsync(new RecordSatisfactionSurveyRequest
        {
            Parent = bilan.Name,
            Survey = new SatisfactionSurvey { OverallScore = 10, MethodsScore = 6, AnswerDate = DateOf(Server.Today().AddDays(1)) },
        }));

        Assert.Equal(["survey.overall_score", "survey.methods_score", "survey.answer_date"], status.BadFields());
    }

    [Fact]
    public async Task Record_RetriedWithSameRequestId_OneSurveyOneEventAndTheSameAnswerWithItsComments()
    {
        var bilan = await Server.NewAbandonedBilanAsync();
        var request = Correction(bilan.Name, 4, "");
        request.Survey.Comments = "  Très utile pour préparer ma reconversion.  ";
        request.RequestId = Guid.NewGuid().ToString();

        var first = await Server.Quality().RecordSatisfactionSurveyAsync(request);
        var retry = await Server.Quality().RecordSatisfactionSurveyAsync(request);

        Assert.Equal("Très utile pour préparer ma reconversion.", first.Comments);
        Assert.Equal(first, retry);
        // The log of requests keeps the answer, never the beneficiary's words.
        var recorded = SatisfactionSurvey.Parser.ParseFrom(
            await Server.Database.ScalarAsync<byte[]>($"SELECT response FROM request_log WHERE request_id = '{request.RequestId}'"));
        Assert.Equal(first.Etag, recorded.Etag);
        Assert.Empty(recorded.Comments);
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
        Assert.Single(events, e => e.Type == BilanEventType.SatisfactionSurveyRecorded);
    }

    [Fact]
    public async Task Get_NoneRecorded_NotFoundInFrench()
    {
        var bilan = await Server.NewAbandonedBilanAsync();

        var status = await RpcFailure.Of(StatusCode.NotFound, () =>
            Server.Quality().GetSatisfactionSurveyAsync(new GetSatisfactionSurveyRequest { Name = $"{bilan.Name}/satisfactionSurvey" }));

        Assert.Equal("Aucun questionnaire de satisfaction n'est enregistré pour ce bilan.", status.FrenchMessage());
    }

    private RecordSatisfactionSurveyRequest Correction(string bilanName, int overall, string etag) => new()
    {
        Parent = bilanName,
        Survey = new SatisfactionSurvey { OverallScore = overall, AnswerDate = DateOf(Server.Today()) },
        Etag = etag,
    };
}
