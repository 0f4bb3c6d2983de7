using Grpc.Core;
using Grpc.Health.V1;
using NSubstitute;

namespace Bilan.BackOffice.Tests.TestSupport;

/// <summary>Canned answers for a substituted <see cref="Health.HealthClient"/>.</summary>
public static class HealthCalls
{
    /// <summary>A health client that answers every check with <paramref name="status"/>.</summary>
    public static Health.HealthClient Answering(HealthCheckResponse.Types.ServingStatus status)
    {
        var client = Substitute.For<Health.HealthClient>();
        client.CheckAsync(Arg.Any<HealthCheckRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Call(Task.FromResult(new HealthCheckResponse { Status = status })));
        return client;
    }

    /// <summary>A health client whose every check fails the way Grpc.Net.Client fails: a faulted call.</summary>
    public static Health.HealthClient Failing(StatusCode statusCode, string detail = "failure detail") =>
        Throwing(new RpcException(new Status(statusCode, detail)));

    /// <summary>A health client whose every check fails with <paramref name="exception"/>.</summary>
    public static Health.HealthClient Throwing(Exception exception)
    {
        var client = Substitute.For<Health.HealthClient>();
        client.CheckAsync(Arg.Any<HealthCheckRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Call(Task.FromException<HealthCheckResponse>(exception)));
        return client;
    }

    private static AsyncUnaryCall<HealthCheckResponse> Call(Task<HealthCheckResponse> response) =>
        new(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
}
