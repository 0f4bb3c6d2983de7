using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Quality;

public sealed partial class QualityManagementService
{
    private const string FindSurveySql = $"SELECT {SurveyRecord.Columns} FROM satisfaction_surveys s WHERE s.bilan_id = @BilanId";

    private const string InsertSurveySql = """
        INSERT INTO satisfaction_surveys (bilan_id, overall_score, welcome_score, consultant_score, methods_score, goals_score,
                                          comments, answer_date, recorded_by, version, create_time, update_time)
        VALUES (@BilanId, @OverallScore, @WelcomeScore, @ConsultantScore, @MethodsScore, @GoalsScore,
                @Comments, @AnswerDate, @RecordedBy, @Version, @CreateTime, @UpdateTime)
        """;

    private const string UpdateSurveySql = """
        UPDATE satisfaction_surveys
        SET overall_score = @OverallScore, welcome_score = @WelcomeScore, consultant_score = @ConsultantScore,
            methods_score = @MethodsScore, goals_score = @GoalsScore, comments = @Comments, answer_date = @AnswerDate,
            recorded_by = @RecordedBy, version = @Version, update_time = @UpdateTime
        WHERE bilan_id = @BilanId AND version = @ExpectedVersion
        """;

    public override Task<SatisfactionSurvey> RecordSatisfactionSurvey(RecordSatisfactionSurveyRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        if (!ResourceName.TryParseId(request.Parent, BilanRecord.Collection, out var bilanId))
        {
            checks.AddRange([ResourceName.Violation(request.Parent, BilanRecord.Collection, "parent")]);
        }

        var survey = request.Survey ?? new SatisfactionSurvey();
        var answerDate = ProtoConversions.RequireDateOnly(survey.AnswerDate, "survey.answer_date", checks);
        var answers = new SurveyAnswers(survey.OverallScore, survey.WelcomeScore, survey.ConsultantScore, survey.MethodsScore,
            survey.GoalsScore, survey.Comments.Trim(), answerDate);
        checks.AddRange(SatisfactionSurveyRules.Check(answers, Today));
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(RecordSatisfactionSurvey), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(
                await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
            SatisfactionSurveyRules.EnsureAllowed(bilan.State);
            var current = await connection.QuerySingleOrDefaultAsync<SurveyRecord>(new CommandDefinition(
                FindSurveySql + " FOR UPDATE", new { BilanId = bilanId }, transaction, cancellationToken: context.CancellationToken));
            var now = clock.Now();
            var actor = Actor.Of(context);
            SurveyRecord record;
            if (current is null)
            {
                record = SurveyRecord.From(bilanId, answers, actor, 1, now, now);
                await connection.ExecuteAsync(new CommandDefinition(InsertSurveySql, record, transaction, cancellationToken: context.CancellationToken));
            }
            else
            {
                if (request.Etag.Length == 0)
                {
                    throw new AlreadyExistsException(SurveyRecord.Segment, "parent",
                        "This bilan already has a satisfaction survey: send its etag to correct it.",
                        "Le questionnaire de satisfaction de ce bilan est déjà enregistré : ouvrez-le pour le corriger.");
                }

                Etag.EnsureCurrent(request.Etag, current.Version, SurveyRecord.Format(bilanId));
                record = SurveyRecord.From(bilanId, answers, actor, current.Version + 1, new DateTimeOffset(current.CreateTime, TimeSpan.Zero), now);
                var written = await connection.ExecuteAsync(new CommandDefinition(UpdateSurveySql,
                    new
                    {
                        record.BilanId, record.OverallScore, record.WelcomeScore, record.ConsultantScore, record.MethodsScore, record.GoalsScore,
                        record.Comments, record.AnswerDate, record.RecordedBy, record.Version, record.UpdateTime, ExpectedVersion = current.Version,
                    }, transaction, cancellationToken: context.CancellationToken));
                if (written == 0)
                {
                    throw new StaleEtagException(SurveyRecord.Format(bilanId));
                }
            }

            // The event says that the survey was recorded, never what the beneficiary answered.
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.SatisfactionSurveyRecorded, actor, now,
                bilan.State, bilan.State, current is null ? null : new Dictionary<string, string> { ["corrected"] = "true" }, context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken, recordAs: answer => WithComments(answer, ""), replayAs: recorded => WithComments(recorded, answers.Comments));
    }

    /// <summary>
    /// The answer with <paramref name="comments"/>: the idempotency log keeps it without the beneficiary's words
    /// (it outlives nothing it should not), and a retry, which carries the same words, gets them back.
    /// </summary>
    private static SatisfactionSurvey WithComments(SatisfactionSurvey answer, string comments)
    {
        var copy = answer.Clone();
        copy.Comments = comments;
        return copy;
    }
}
