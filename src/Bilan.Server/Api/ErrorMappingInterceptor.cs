using Bilan.Domain.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.Server.Api;

/// <summary>
/// The one place where exceptions become gRPC statuses. Domain refusals keep their reason and details;
/// anything unexpected is INTERNAL with nothing leaked but a correlation id, which the log carries too.
/// Every mapped error is also recorded for support (<see cref="IErrorLog"/>, SupportService.LookupError), best
/// effort: a failure to record is logged as a warning and never changes the answer.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger, IErrorLog errorLog) : Interceptor
{
    /// <summary>How long the answer may wait for its error to be recorded.</summary>
    private static readonly TimeSpan RecordTimeout = TimeSpan.FromSeconds(2);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await MapAsync(exception, request, context);
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
            throw await MapAsync(exception, request, context);
        }
    }

    private async Task<RpcException> MapAsync(Exception exception, object? request, ServerCallContext context)
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

        await RecordAsync(status, exception, request, context, correlationId);
        return status.ToRpcException();
    }

    /// <summary>Records the error for support; whatever goes wrong here is logged, never thrown.</summary>
    private async Task RecordAsync(RpcStatus status, Exception exception, object? request, ServerCallContext context, string correlationId)
    {
        // Not the call's token: a cancelled call's error is recorded too.
        using var timeout = new CancellationTokenSource(RecordTimeout);
        try
        {
            await errorLog.RecordAsync(ErrorEntry.Of(status, exception, request, context, correlationId), timeout.Token);
        }
#pragma warning disable CA1031 // Best effort by design: no failure of the error log may change the answer.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            LogNotRecorded(failure, context.Method, correlationId);
        }
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The error of {Method} could not be recorded for support (correlation id {CorrelationId})")]
    private partial void LogNotRecorded(Exception exception, string method, string correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} answered {StatusCode}: {Detail} (correlation id {CorrelationId})")]
    private partial void LogRefused(string method, StatusCode statusCode, string detail, string correlationId);
}
