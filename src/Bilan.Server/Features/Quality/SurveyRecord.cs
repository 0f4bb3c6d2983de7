using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Quality;

/// <summary>A satisfaction survey as stored (row of <c>satisfaction_surveys</c>).</summary>
internal sealed record SurveyRecord(
    Guid BilanId,
    short OverallScore,
    short WelcomeScore,
    short ConsultantScore,
    short MethodsScore,
    short GoalsScore,
    string Comments,
    DateOnly AnswerDate,
    string RecordedBy,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    public const string Segment = "satisfactionSurvey";

    public const string Columns = """
        s.bilan_id, s.overall_score, s.welcome_score, s.consultant_score, s.methods_score, s.goals_score, s.comments,
        s.answer_date, s.recorded_by, s.version, s.create_time, s.update_time
        """;

    public static string Format(Guid bilanId) => $"{ResourceName.Format(BilanRecord.Collection, bilanId)}/{Segment}";

    public static SurveyRecord From(Guid bilanId, SurveyAnswers answers, string recordedBy, int version, DateTimeOffset createTime, DateTimeOffset updateTime) =>
        new(bilanId, (short)answers.OverallScore, (short)answers.WelcomeScore, (short)answers.ConsultantScore, (short)answers.MethodsScore,
            (short)answers.GoalsScore, answers.Comments, answers.AnswerDate, recordedBy, version, createTime.UtcDateTime, updateTime.UtcDateTime);

    public Proto.SatisfactionSurvey ToProto() => new()
    {
        Name = Format(BilanId),
        Bilan = ResourceName.Format(BilanRecord.Collection, BilanId),
        OverallScore = OverallScore,
        WelcomeScore = WelcomeScore,
        ConsultantScore = ConsultantScore,
        MethodsScore = MethodsScore,
        GoalsScore = GoalsScore,
        Comments = Comments,
        AnswerDate = ProtoConversions.ToProtoDate(AnswerDate),
        RecordedBy = RecordedBy,
        CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
        UpdateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(UpdateTime, TimeSpan.Zero)),
        Etag = Etag.Of(Version),
    };
}
