using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Google.Rpc;

namespace Bilan.Server.Features.Support;

/// <summary>One row of <c>error_log</c> (migration 0008) and its proto <see cref="ErrorRecord"/>.</summary>
internal sealed record ErrorRow(
    string CorrelationId, DateTime CreateTime, string Method, short StatusCode, string Reason, string Actor, string? ResourceName, string Instance)
{
    public const string Columns = "correlation_id, create_time, method, status_code, reason, actor, resource_name, instance";

    public ErrorRecord ToProto() => new()
    {
        CorrelationId = CorrelationId,
        CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
        Method = Method,
        StatusCode = StatusCode,
        Status = CodeName(StatusCode),
        Reason = Reason,
        Actor = Actor,
        ResourceName = ResourceName ?? "",
        Instance = Instance,
    };

    /// <summary>The canonical name of a gRPC status code, as google.rpc.Code spells it (<c>NOT_FOUND</c>).</summary>
    public static string CodeName(int code) =>
        CodeReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("Code").FindValueByNumber(code)?.Name
        ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
