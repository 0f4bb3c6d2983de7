using Bilan.Server.Auth;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.Server.Api;

/// <summary>
/// What support may know of one answered error (SupportService.LookupError): the call, the caller, the status
/// code and reason, the resource it was about and the instance. Built from the answered status, never from the
/// exception's message: an INTERNAL error's record says "INTERNAL" and nothing more, its details stay in the log.
/// </summary>
public sealed record ErrorEntry(
    string CorrelationId, string Method, StatusCode StatusCode, string Reason, string Actor, string? ResourceName, string Instance)
{
    /// <summary>The actor of a call without a valid credential.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Longer resource names (a caller may send anything in <c>name</c>) are cut to this length.</summary>
    public const int MaxResourceNameLength = 300;

    /// <summary>
    /// The entry of <paramref name="status"/>, answered to <paramref name="context"/>'s call because of
    /// <paramref name="exception"/> (read only for the resource name it carries, if any).
    /// </summary>
    public static ErrorEntry Of(RpcStatus status, Exception exception, object? request, ServerCallContext context, string correlationId) => new(
        correlationId,
        context.Method,
        (StatusCode)status.Code,
        status.GetDetail<ErrorInfo>()?.Reason ?? "",
        context.CallerOrNull()?.Actor ?? Anonymous,
        Truncate(ResourceNameOf(exception, request)),
        ServerInstance.Name);

    /// <summary>
    /// The resource the call was about: the one the exception names, else the request's <c>name</c> or
    /// <c>parent</c> field, else the <c>name</c> of the resource it carries (Update requests).
    /// </summary>
    private static string? ResourceNameOf(Exception exception, object? request) => exception switch
    {
        ResourceNotFoundException notFound => notFound.ResourceName,
        StaleEtagException stale => stale.ResourceName,
        _ when request is IMessage message => StringField(message, "name") ?? StringField(message, "parent") ?? NestedName(message),
        _ => null,
    };

    private static string? NestedName(IMessage message) =>
        message.Descriptor.Fields.InDeclarationOrder()
            .Where(field => field is { FieldType: FieldType.Message, IsRepeated: false, IsMap: false })
            .Select(field => field.Accessor.GetValue(message) is IMessage nested ? StringField(nested, "name") : null)
            .FirstOrDefault(name => name is not null);

    private static string? StringField(IMessage message, string name) =>
        message.Descriptor.FindFieldByName(name) is { FieldType: FieldType.String, IsRepeated: false } field
        && field.Accessor.GetValue(message) is string { Length: > 0 } value
            ? value
            : null;

    private static string? Truncate(string? value) =>
        value is { Length: > MaxResourceNameLength } ? value[..MaxResourceNameLength] : value;
}

/// <summary>Where answered errors are recorded for support (table <c>error_log</c>, shared by every instance).</summary>
public interface IErrorLog
{
    /// <summary>Records <paramref name="entry"/>, once per correlation id; may throw (the caller logs and goes on).</summary>
    Task RecordAsync(ErrorEntry entry, CancellationToken cancellationToken);
}
