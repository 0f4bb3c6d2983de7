using System.Text;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NSubstitute;

namespace Bilan.Server.Tests.Api;

public sealed class ErrorMappingInterceptorTests
{
    private const string TraceId = "0HNA1B2C3D4E5:0000002A";

    private const string BilanName = "bilans/0b9b4c5e-8a86-4a3e-9f1b-3c9b1d2f6a10";

    private static readonly Dictionary<string, Func<Exception>> Failures = new()
    {
        ["invalid fields"] = () => new InvalidFieldsException(
            [new FieldViolation("bilan.planned_hours", "OUT_OF_RANGE", "Must be between 13 and 24 hours.", "Entre 13 h et 24 h.")]),
        ["rule violation"] = () => new RuleViolationException(
            "BILAN_ALREADY_STARTED", "The bilan is STATE_PRELIMINARY.", "Ce bilan a commencé.",
            new Dictionary<string, string> { ["state"] = "STATE_PRELIMINARY" }),
        ["not found"] = () => new ResourceNotFoundException(BilanName, "Ce bilan n'existe pas."),
        ["stale etag"] = () => new StaleEtagException(BilanName),
        ["database unreachable"] = () => new NpgsqlException("Exception while reading from stream", new TimeoutException()),
        ["database error"] = () => new NpgsqlException("relation \"bilans\" does not exist"),
        ["cancellation the caller did not ask for"] = () => new OperationCanceledException(),
        ["bug"] = () => new InvalidOperationException("Sequence contains no elements"),
    };

    [Theory]
    [InlineData("invalid fields", StatusCode.InvalidArgument, "INVALID_FIELDS")]
    [InlineData("rule violation", StatusCode.FailedPrecondition, "BILAN_ALREADY_STARTED")]
    [InlineData("not found", StatusCode.NotFound, "RESOURCE_NOT_FOUND")]
    [InlineData("stale etag", StatusCode.Aborted, "ETAG_MISMATCH")]
    [InlineData("database unreachable", StatusCode.Unavailable, "DATABASE_UNAVAILABLE")]
    [InlineData("database error", StatusCode.Internal, "INTERNAL")]
    [InlineData("cancellation the caller did not ask for", StatusCode.Internal, "INTERNAL")]
    [InlineData("bug", StatusCode.Internal, "INTERNAL")]
    public async Task UnaryServerHandler_ExceptionThrown_MappedToStatusAndReason(string failure, StatusCode code, string reason)
    {
        var exception = await CallUnary(Failures[failure](), TestServerCallContext.Create(TraceId));

        Assert.Equal(code, exception.StatusCode);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)code, status.Code);
        Assert.Equal(exception.Status.Detail, status.Message);
        var errorInfo = status.GetDetail<ErrorInfo>();
        Assert.NotNull(errorInfo);
        Assert.Equal(reason, errorInfo.Reason);
        Assert.Equal("bilan.v1", errorInfo.Domain);
        Assert.Equal(TraceId, errorInfo.Metadata["correlation_id"]);
        Assert.Equal(TraceId, status.GetDetail<RequestInfo>()?.RequestId);
    }

    [Fact]
    public async Task UnaryServerHandler_ExceptionThrownAfterAwait_Mapped()
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance, Substitute.For<IErrorLog>());

        var exception = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<Empty, Empty>(
            new Empty(), TestServerCallContext.Create(TraceId), async (_, _) =>
            {
                await Task.Yield();
                throw Failures["not found"]();
            }));

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
    }

    [Fact]
    public async Task UnaryServerHandler_InvalidFields_BadRequestListsEveryField()
    {
        var exception = await CallUnary(new InvalidFieldsException(
            [
                new FieldViolation("beneficiary.email", "REQUIRED", "Required.", "L'adresse e-mail est obligatoire."),
                new FieldViolation("beneficiary.phone", "INVALID_FORMAT", "Not a telephone number.", "Numéro invalide."),
            ]), TestServerCallContext.Create(TraceId));

        var badRequest = exception.GetRpcStatus()!.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(
            [("beneficiary.email", "REQUIRED", "L'adresse e-mail est obligatoire."), ("beneficiary.phone", "INVALID_FORMAT", "Numéro invalide.")],
            badRequest.FieldViolations.Select(v => (v.Field, v.Reason, v.LocalizedMessage.Message)));
    }

    [Fact]
    public async Task UnaryServerHandler_UnexpectedException_InternalWithoutLeakingItsMessage()
    {
        var exception = await CallUnary(new InvalidOperationException("secret detail"), TestServerCallContext.Create(TraceId));

        Assert.Equal(StatusCode.Internal, exception.StatusCode);
        Assert.DoesNotContain("secret detail", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", exception.Message, StringComparison.Ordinal);
        Assert.Contains(TraceId, exception.Status.Detail, StringComparison.Ordinal);
        var status = exception.GetRpcStatus();
        Assert.NotNull(status);
        Assert.DoesNotContain("secret detail", Encoding.UTF8.GetString(status.ToByteArray()), StringComparison.Ordinal);
        Assert.Equal(
            ["type.googleapis.com/google.rpc.ErrorInfo", "type.googleapis.com/google.rpc.LocalizedMessage", "type.googleapis.com/google.rpc.RequestInfo"],
            status.Details.Select(d => d.TypeUrl));
        Assert.Equal(new Dictionary<string, string> { ["correlation_id"] = TraceId }, status.GetDetail<ErrorInfo>()!.Metadata.ToDictionary());
        Assert.All(exception.Trailers.Where(t => !t.IsBinary), t => Assert.DoesNotContain("secret detail", t.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnaryServerHandler_UnexpectedException_LoggedAsErrorWithTheCorrelationId()
    {
        var logger = Substitute.For<ILogger<ErrorMappingInterceptor>>();
        logger.IsEnabled(Arg.Any<LogLevel>()).Returns(true);
        var failure = new InvalidOperationException("secret detail");

        await CallUnary(failure, TestServerCallContext.Create(TraceId, method: "/bilan.v1.BilanService/UpdateBilan"), logger);

        var log = Assert.Single(LogCalls(logger));
        Assert.Equal(LogLevel.Error, log.Level);
        Assert.Same(failure, log.Exception);
        Assert.Contains(TraceId, log.Message, StringComparison.Ordinal);
        Assert.Contains("/bilan.v1.BilanService/UpdateBilan", log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryServerHandler_Refusal_LoggedAsInformationWithoutException()
    {
        var logger = Substitute.For<ILogger<ErrorMappingInterceptor>>();
        logger.IsEnabled(Arg.Any<LogLevel>()).Returns(true);

        await CallUnary(Failures["stale etag"](), TestServerCallContext.Create(TraceId), logger);

        var log = Assert.Single(LogCalls(logger));
        Assert.Equal(LogLevel.Information, log.Level);
        Assert.Null(log.Exception);
        Assert.Contains(TraceId, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryServerHandler_RpcException_PassesThroughUnchanged()
    {
        var original = new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, "Not your organisation's bilan."));

        var exception = await CallUnary(original, TestServerCallContext.Create(TraceId));

        Assert.Same(original, exception);
    }

    [Fact]
    public async Task UnaryServerHandler_NoException_ResponseReturned()
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance, Substitute.For<IErrorLog>());
        var response = new StringValue { Value = "ok" };

        var result = await interceptor.UnaryServerHandler<Empty, StringValue>(
            new Empty(), TestServerCallContext.Create(TraceId), (_, _) => Task.FromResult(response));

        Assert.Same(response, result);
    }

    [Fact]
    public async Task UnaryServerHandler_CallCancelled_Cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var exception = await CallUnary(new OperationCanceledException(cancellation.Token), TestServerCallContext.Create(TraceId, cancellationToken: cancellation.Token));

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
        Assert.Equal("CANCELLED", exception.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task UnaryServerHandler_TaskCancelledAfterCallCancelled_Cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var exception = await CallUnary(new TaskCanceledException(), TestServerCallContext.Create(TraceId, cancellationToken: cancellation.Token));

        Assert.Equal(StatusCode.Cancelled, exception.StatusCode);
    }

    [Theory]
    [InlineData("rule violation", StatusCode.FailedPrecondition)]
    [InlineData("bug", StatusCode.Internal)]
    public async Task ServerStreamingServerHandler_ExceptionThrown_MappedLikeUnary(string failure, StatusCode code)
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance, Substitute.For<IErrorLog>());

        var exception = await Assert.ThrowsAsync<RpcException>(() => interceptor.ServerStreamingServerHandler<Empty, Empty>(
            new Empty(), Substitute.For<IServerStreamWriter<Empty>>(), TestServerCallContext.Create(TraceId),
            (_, _, _) => throw Failures[failure]()));

        Assert.Equal(code, exception.StatusCode);
        Assert.Equal(TraceId, exception.GetRpcStatus()!.GetDetail<RequestInfo>()!.RequestId);
    }

    [Fact]
    public void CorrelationId_HostedCall_TheRequestTraceIdentifier() =>
        Assert.Equal(TraceId, ErrorMappingInterceptor.CorrelationId(TestServerCallContext.Create(TraceId)));

    [Fact]
    public async Task UnaryServerHandler_Internal_RecordedWithoutTheExceptionText()
    {
        var errorLog = Substitute.For<IErrorLog>();

        await CallUnary(new InvalidOperationException("Password=hunter2 in the connection string"), TestServerCallContext.Create(TraceId), errorLog: errorLog);

        var entry = RecordedEntry(errorLog);
        Assert.Equal(new ErrorEntry(TraceId, "/bilan.v1.BilanService/GetBilan", StatusCode.Internal, "INTERNAL", ErrorEntry.Anonymous, null, Environment.MachineName), entry);
        Assert.DoesNotContain("hunter2", entry.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnaryServerHandler_NotFound_RecordsTheResourceTheExceptionNames()
    {
        var errorLog = Substitute.For<IErrorLog>();

        await CallUnary(Failures["not found"](), TestServerCallContext.Create(TraceId), errorLog: errorLog);

        var entry = RecordedEntry(errorLog);
        Assert.Equal((StatusCode.NotFound, "RESOURCE_NOT_FOUND", BilanName), (entry.StatusCode, entry.Reason, entry.ResourceName));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("parent")]
    [InlineData("bilan.name")]
    public async Task UnaryServerHandler_RequestNamesTheResource_RecordedWithIt(string field)
    {
        var errorLog = Substitute.For<IErrorLog>();
        IMessage request = field switch
        {
            "name" => new Bilan.Contracts.V1.StartBilanRequest { Name = BilanName },
            "parent" => new Bilan.Contracts.V1.ListBilanEventsRequest { Parent = BilanName },
            _ => new Bilan.Contracts.V1.UpdateBilanRequest { Bilan = new Bilan.Contracts.V1.Bilan { Name = BilanName } },
        };
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance, errorLog);

        await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<IMessage, Empty>(
            request, TestServerCallContext.Create(TraceId), (_, _) => throw Failures["rule violation"]()));

        Assert.Equal(BilanName, RecordedEntry(errorLog).ResourceName);
    }

    [Fact]
    public async Task UnaryServerHandler_ErrorLogFails_SameAnswerAndAWarning()
    {
        var errorLog = Substitute.For<IErrorLog>();
        errorLog.RecordAsync(Arg.Any<ErrorEntry>(), Arg.Any<CancellationToken>()).Returns(Task.FromException(new NpgsqlException("connection refused")));
        var logger = Substitute.For<ILogger<ErrorMappingInterceptor>>();
        logger.IsEnabled(Arg.Any<LogLevel>()).Returns(true);

        var exception = await CallUnary(Failures["not found"](), TestServerCallContext.Create(TraceId), logger, errorLog);

        Assert.Equal(StatusCode.NotFound, exception.StatusCode);
        Assert.Equal("RESOURCE_NOT_FOUND", exception.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason);
        Assert.Contains(LogCalls(logger), call => call.Level == LogLevel.Warning && call.Message.Contains(TraceId, StringComparison.Ordinal));
    }

    private static ErrorEntry RecordedEntry(IErrorLog errorLog) =>
        (ErrorEntry)Assert.Single(errorLog.ReceivedCalls()).GetArguments()[0]!;

    private static async Task<RpcException> CallUnary(
        Exception failure, ServerCallContext context, ILogger<ErrorMappingInterceptor>? logger = null, IErrorLog? errorLog = null)
    {
        var interceptor = new ErrorMappingInterceptor(logger ?? NullLogger<ErrorMappingInterceptor>.Instance, errorLog ?? Substitute.For<IErrorLog>());

        return await Assert.ThrowsAsync<RpcException>(() =>
            interceptor.UnaryServerHandler<Empty, Empty>(new Empty(), context, (_, _) => throw failure));
    }

    private static List<(LogLevel Level, string Message, Exception? Exception)> LogCalls(ILogger logger) =>
        logger.ReceivedCalls()
            .Where(call => call.GetMethodInfo().Name == nameof(ILogger.Log))
            .Select(call => call.GetArguments())
            .Select(args => ((LogLevel)args[0]!, args[2]?.ToString() ?? "", args[3] as Exception))
            .ToList();
}
