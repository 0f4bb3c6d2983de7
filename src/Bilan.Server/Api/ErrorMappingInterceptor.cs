using Bilan.Domain.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.Server.Api;

/// <summary>
/// The one place where exceptions become gRPC statuses. Domain refusals keep their reason and details;
/// anything unexpected is INTERNAL with nothing leaked but a correlation id, which the log carries too.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        var correlationId = CorrelationId(context);
        var status = ToStatus(exception, context, correlationId);
        if (status.Code == (int)StatusCode.Internal)
        {
            LogUnexpected(exception, context.Method, correlationId);
        }
        else
        {
            LogRefused(context.Method, (StatusCode)status.Code, status.Message, correlationId);
        }

        return status.ToRpcException();
    }

    private static RpcStatus ToStatus(Exception exception, ServerCallContext context, string correlationId) =>
        exception switch
        {
            InvalidFieldsException invalid => RpcErrors.InvalidFields(invalid.Violations, correlationId),
            RuleViolationException rule => RpcErrors.RuleViolation(rule, correlationId),
            Auth.UnauthenticatedException refused => RpcErrors.Unauthenticated(refused, correlationId),
            Auth.PermissionDeniedException denied => RpcErrors.PermissionDenied(denied, correlationId),
            ResourceNotFoundException notFound => RpcErrors.NotFound(notFound, correlationId),
            StaleEtagException stale => RpcErrors.StaleEtag(stale, correlationId),
            AlreadyExistsException exists => RpcErrors.AlreadyExists(exists, correlationId),
            OperationCanceledException when context.CancellationToken.IsCancellationRequested => RpcErrors.Cancelled(correlationId),
            NpgsqlException { IsTransient: true } => RpcErrors.Unavailable(correlationId),
            _ => RpcErrors.Internal(correlationId),
        };

    /// <summary>The id quoted to support: the ASP.NET Core request id, which every log line of the call carries.</summary>
    public static string CorrelationId(ServerCallContext context) => context.GetHttpContext().TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly (correlation id {CorrelationId})")]
    private partial void LogUnexpected(Exception exception, string method, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} answered {StatusCode}: {Detail} (correlation id {CorrelationId})")]
    private partial void LogRefused(string method, StatusCode statusCode, string detail, string correlationId);
}
