using Bilan.Server.Api;
using Bilan.Server.Features.Consultants;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Interviews;

internal static class InterviewMapping
{
    public static Proto.Interview ToProto(this InterviewRecord record) => new()
    {
        Name = record.Name,
        Phase = (Proto.InterviewPhase)record.Interview.Phase,
        StartTime = ProtoConversions.ToTimestamp(record.Interview.Start),
        DurationMinutes = record.Interview.PlannedMinutes,
        Mode = (Proto.InterviewMode)record.Interview.Mode,
        Status = (Proto.InterviewStatus)record.Interview.Status,
        HeldMinutes = record.Interview.HeldMinutes ?? 0,
        Consultant = ResourceName.Format(ConsultantRecord.Collection, record.ConsultantId),
        CreateTime = ProtoConversions.ToTimestamp(record.CreateTime),
        UpdateTime = ProtoConversions.ToTimestamp(record.UpdateTime),
        Etag = Etag.Of(record.Version),
    };

    /// <summary>Event attributes describing an interview's slot; never anything confidential.</summary>
    public static Dictionary<string, string> SlotAttributes(this InterviewRecord record) => new()
    {
        ["interview"] = record.Name,
        ["phase"] = Domain.ApiNames.Of(record.Interview.Phase),
        ["start_time"] = PageKeys.FormatTime(record.Interview.Start),
        ["duration_minutes"] = record.Interview.PlannedMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
