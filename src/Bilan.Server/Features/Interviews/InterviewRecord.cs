using Bilan.Domain.Interviews;
using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;

namespace Bilan.Server.Features.Interviews;

/// <summary>An interview as stored, with the bilan, beneficiary and consultant it ties together.</summary>
internal sealed record InterviewRecord(
    Interview Interview, Guid BilanId, Guid BeneficiaryId, Guid ConsultantId, int Version, DateTimeOffset CreateTime, DateTimeOffset UpdateTime)
{
    public const string Segment = "interviews";

    public const string Columns = """
        i.id, i.bilan_id, i.beneficiary_id, i.consultant_id, i.phase, i.start_time, i.end_time, i.mode, i.status,
        i.held_minutes, i.version, i.create_time, i.update_time
        """;

    public string Name => Format(BilanId, Interview.Id);

    public static string Format(Guid bilanId, Guid interviewId) =>
        $"{ResourceName.Format(BilanRecord.Collection, bilanId)}/{Segment}/{interviewId}";
}

/// <summary>One row of <c>interviews</c>.</summary>
internal sealed record InterviewRow(
    Guid Id,
    Guid BilanId,
    Guid BeneficiaryId,
    Guid ConsultantId,
    short Phase,
    DateTime StartTime,
    DateTime EndTime,
    short Mode,
    short Status,
    short? HeldMinutes,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    public InterviewRecord ToRecord()
    {
        var start = new DateTimeOffset(StartTime, TimeSpan.Zero);
        var interview = new Interview(
            Id,
            (InterviewPhase)Phase,
            start,
            (int)(new DateTimeOffset(EndTime, TimeSpan.Zero) - start).TotalMinutes,
            (InterviewMode)Mode,
            (InterviewStatus)Status,
            HeldMinutes);
        return new InterviewRecord(interview, BilanId, BeneficiaryId, ConsultantId, Version,
            new DateTimeOffset(CreateTime, TimeSpan.Zero), new DateTimeOffset(UpdateTime, TimeSpan.Zero));
    }
}
