using Bilan.Domain.Errors;
using Google.Protobuf;
using Google.Rpc;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.Server.Api;

/// <summary>
/// Builds the <c>google.rpc.Status</c> answers of the API (AIP-193): an <c>ErrorInfo</c> with a stable reason,
/// a French <c>LocalizedMessage</c> for staff, a <c>RequestInfo</c> with the correlation id that the server
/// logs, and, for validation, one <c>BadRequest</c> listing every bad field.
/// </summary>
public static class RpcErrors
{
    public static RpcStatus InvalidFields(IReadOnlyList<FieldViolation> violations, string correlationId)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation
        {
            Field = v.Field,
            Reason = v.Reason,
            Description = v.Description,
            LocalizedMessage = French(v.FrenchDescription),
        }));
        var french = violations.Count == 1
            ? "Un champ est invalide : corrigez-le puis réessayez."
            : $"{violations.Count} champs sont invalides : corrigez-les puis réessayez.";
        return Build(
            Code.InvalidArgument,
            new InvalidFieldsException(violations).Message,
            "INVALID_FIELDS",
            new Dictionary<string, string> { ["fields"] = string.Join(",", violations.Select(v => v.Field)) },
            french,
            correlationId,
            badRequest);
    }

    /// <summary>A refused rule; when it lists unmet conditions, a <c>PreconditionFailure</c> names each.</summary>
    public static RpcStatus RuleViolation(RuleViolationException rule, string correlationId)
    {
        if (rule.Failures.Count == 0)
        {
            return Build(Code.FailedPrecondition, rule.Message, rule.Reason, rule.Metadata, rule.FrenchMessage, correlationId);
        }

        var preconditions = new PreconditionFailure();
        preconditions.Violations.AddRange(rule.Failures.Select(f => new PreconditionFailure.Types.Violation
        {
            Type = f.Type,
            Subject = f.Subject,
            Description = f.Description,
        }));
        return Build(Code.FailedPrecondition, rule.Message, rule.Reason, rule.Metadata, rule.FrenchMessage, correlationId, preconditions);
    }

    public static RpcStatus NotFound(ResourceNotFoundException notFound, string correlationId) =>
        Build(
            Code.NotFound,
            notFound.Message,
            "RESOURCE_NOT_FOUND",
            new Dictionary<string, string> { ["resource_name"] = notFound.ResourceName },
            notFound.FrenchMessage,
            correlationId,
            new ResourceInfo { ResourceName = notFound.ResourceName, ResourceType = ResourceType(notFound.ResourceName) });

    public static RpcStatus StaleEtag(StaleEtagException stale, string correlationId) =>
        Build(
            Code.Aborted,
            stale.Message,
            "ETAG_MISMATCH",
            new Dictionary<string, string> { ["resource_name"] = stale.ResourceName },
            "Quelqu'un d'autre a modifié cet élément entre-temps : rechargez-le pour voir sa version actuelle.",
            correlationId);

    public static RpcStatus AlreadyExists(AlreadyExistsException exists, string correlationId) =>
        Build(
            Code.AlreadyExists,
            exists.Message,
            "RESOURCE_ALREADY_EXISTS",
            new Dictionary<string, string> { ["resource_type"] = exists.ResourceType, ["field"] = exists.Field },
            exists.FrenchMessage,
            correlationId);

    public static RpcStatus Unauthenticated(Auth.UnauthenticatedException refused, string correlationId) =>
        Build(Code.Unauthenticated, refused.Message, refused.Reason, refused.Metadata, refused.FrenchMessage, correlationId);

    public static RpcStatus PermissionDenied(Auth.PermissionDeniedException refused, string correlationId) =>
        Build(Code.PermissionDenied, refused.Message, refused.Reason, new Dictionary<string, string>(), refused.FrenchMessage, correlationId);

    public static RpcStatus Unavailable(string correlationId) =>
        Build(
            Code.Unavailable,
            "The database is unavailable; retry later (requests with a request_id are safe to retry).",
            "DATABASE_UNAVAILABLE",
            new Dictionary<string, string>(),
            "La base de données ne répond pas : réessayez dans un instant.",
            correlationId);

    public static RpcStatus Internal(string correlationId) =>
        Build(
            Code.Internal,
            $"An internal error occurred. Quote correlation id {correlationId} to support.",
            "INTERNAL",
            new Dictionary<string, string>(),
            $"Une erreur interne est survenue. Communiquez la référence {correlationId} au support.",
            correlationId);

    public static RpcStatus Cancelled(string correlationId) =>
        Build(
            Code.Cancelled,
            "The call was cancelled or its deadline passed before it completed; nothing was written.",
            "CANCELLED",
            new Dictionary<string, string>(),
            "La demande a été interrompue avant la fin : rien n'a été enregistré.",
            correlationId);

    private static RpcStatus Build(
        Code code,
        string message,
        string reason,
        IReadOnlyDictionary<string, string> metadata,
        string frenchMessage,
        string correlationId,
        params IMessage[] extraDetails)
    {
        var errorInfo = new ErrorInfo { Reason = reason, Domain = ErrorDomain.Name };
        errorInfo.Metadata.Add(metadata.ToDictionary());
        errorInfo.Metadata["correlation_id"] = correlationId;

        var status = new RpcStatus { Code = (int)code, Message = message };
        status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(errorInfo));
        foreach (var detail in extraDetails)
        {
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(detail));
        }

        status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(French(frenchMessage)));
        status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new RequestInfo { RequestId = correlationId }));
        return status;
    }

    private static LocalizedMessage French(string message) =>
        new() { Locale = ErrorDomain.FrenchLocale, Message = message };

    /// <summary>The collection a resource name ends in: <c>bilans/1/interviews/2</c> is an <c>interviews</c>.</summary>
    private static string ResourceType(string resourceName)
    {
        var segments = resourceName.Split('/');
        return segments.Length >= 2 ? segments[^2] : resourceName;
    }
}
