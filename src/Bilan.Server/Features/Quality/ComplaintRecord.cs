using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Quality;

/// <summary>A complaint as stored (row of <c>complaints</c>).</summary>
internal sealed record ComplaintRecord(
    Guid Id,
    DateOnly ReceivedDate,
    short Channel,
    short Complainant,
    string ComplainantName,
    Guid? BilanId,
    string Subject,
    string Description,
    short Status,
    DateOnly AcknowledgeDeadline,
    DateOnly AnswerDeadline,
    DateOnly? AcknowledgeDate,
    DateOnly? AnswerDate,
    string Answer,
    string CorrectiveAction,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    public const string Collection = "complaints";

    public const string Columns = """
        c.id, c.received_date, c.channel, c.complainant, c.complainant_name, c.bilan_id, c.subject, c.description, c.status,
        c.acknowledge_deadline, c.answer_deadline, c.acknowledge_date, c.answer_date, c.answer, c.corrective_action,
        c.version, c.create_time, c.update_time
        """;

    public string Name => ResourceName.Format(Collection, Id);

    public ComplaintStatus State => (ComplaintStatus)Status;

    public ComplaintDetails Details => new(ReceivedDate, (ComplaintChannel)Channel, (Complainant)Complainant, ComplainantName, Subject, Description);

    public Proto.Complaint ToProto() => new()
    {
        Name = Name,
        ReceivedDate = ProtoConversions.ToProtoDate(ReceivedDate),
        Channel = (Proto.ComplaintChannel)Channel,
        Complainant = (Proto.Complainant)Complainant,
        ComplainantName = ComplainantName,
        Bilan = BilanId is { } bilan ? ResourceName.Format(BilanRecord.Collection, bilan) : "",
        Subject = Subject,
        Description = Description,
        Status = (Proto.ComplaintStatus)Status,
        AcknowledgeDeadline = ProtoConversions.ToProtoDate(AcknowledgeDeadline),
        AnswerDeadline = ProtoConversions.ToProtoDate(AnswerDeadline),
        AcknowledgeDate = ProtoConversions.ToProtoDate(AcknowledgeDate),
        AnswerDate = ProtoConversions.ToProtoDate(AnswerDate),
        Answer = Answer,
        CorrectiveAction = CorrectiveAction,
        CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
        UpdateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(UpdateTime, TimeSpan.Zero)),
        Etag = Etag.Of(Version),
    };

    /// <summary>Event attributes: which complaint, never what it says.</summary>
    public Dictionary<string, string> EventAttributes() => new() { ["complaint"] = Name };
}
