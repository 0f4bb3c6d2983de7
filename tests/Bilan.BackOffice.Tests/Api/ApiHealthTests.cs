using Bilan.BackOffice.Api;
using Bilan.BackOffice.Tests.TestSupport;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Api;

public sealed class ApiHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 14, 4, 5, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task CheckAsync_ServiceServing_ReportsAvailable()
    {
        var report = await CheckWith(HealthCalls.Answering(ServingStatus.Serving));

        Assert.Equal(ApiHealthStatus.Available, report.Status);
        Assert.Equal("Le service est disponible.", report.Message);
    }

    [Fact]
    public async Task CheckAsync_ServiceNotServing_ReportsDatabaseDown()
    {
        var report = await CheckWith(HealthCalls.Answering(ServingStatus.NotServing));

        Assert.Equal(ApiHealthStatus.Unavailable, report.Status);
        Assert.Equal("Le service est indisponible : la base de données ne répond pas.", report.Message);
    }

    [Theory]
    [InlineData(ServingStatus.Unknown)]
    [InlineData(ServingStatus.ServiceUnknown)]
    public async Task CheckAsync_ServiceStatusUnknown_ReportsUnknown(ServingStatus status)
    {
        var report = await CheckWith(HealthCalls.Answering(status));

        Assert.Equal(ApiHealthStatus.Unknown, report.Status);
        Assert.StartsWith("L’état du service est inconnu", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_ApiUnavailable_ReportsUnreachableAtConfiguredAddress()
    {
        var report = await CheckWith(HealthCalls.Failing(StatusCode.Unavailable));

        Assert.Equal(ApiHealthStatus.Unreachable, report.Status);
        Assert.Equal(
            "Impossible de joindre l’API à l’adresse http://api.test:7001 : aucun service ne répond. Vérifiez qu’il est démarré.",
            report.Message);
    }

    [Fact]
    public async Task CheckAsync_DeadlineExceeded_ReportsNoAnswerInTime()
    {
        var report = await CheckWith(HealthCalls.Failing(StatusCode.DeadlineExceeded));

        Assert.Equal(ApiHealthStatus.Unreachable, report.Status);
        Assert.Equal(
            "Impossible de joindre l’API à l’adresse http://api.test:7001 : elle n’a pas répondu en moins de 3 secondes.",
            report.Message);
    }

    [Fact]
    public async Task CheckAsync_UnexpectedRpcError_ReportsUnreachableWithoutTechnicalDetail()
    {
        var report = await CheckWith(HealthCalls.Failing(StatusCode.Internal, "NullReferenceException at Foo.Bar()"));

        Assert.Equal(ApiHealthStatus.Unreachable, report.Status);
        Assert.Equal(
            "Impossible de joindre l’API à l’adresse http://api.test:7001 : elle a répondu par une erreur inattendue.",
            report.Message);
    }

    [Fact]
    public async Task CheckAsync_ApiUnavailable_DoesNotThrowRpcException()
    {
        var client = Substitute.For<Health.HealthClient>();
        client.CheckAsync(Arg.Any<HealthCheckRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => throw new RpcException(new Status(StatusCode.Unavailable, "connection refused")));

        var report = await CheckWith(client);

        Assert.Equal(ApiHealthStatus.Unreachable, report.Status);
    }

    [Fact]
    public async Task CheckAsync_AnyAnswer_AsksWithThreeSecondDeadline()
    {
        var client = HealthCalls.Answering(ServingStatus.Serving);

        await CheckWith(client);

        _ = client.Received(1).CheckAsync(
            Arg.Is<HealthCheckRequest>(request => request.Service == string.Empty),
            Arg.Any<Metadata>(),
            Now.AddSeconds(3).UtcDateTime,
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task CheckAsync_AnyAnswer_RecordsTimeOfCheck()
    {
        var report = await CheckWith(HealthCalls.Failing(StatusCode.Unavailable));

        Assert.Equal(Now, report.CheckedAt);
    }

    [Fact]
    public async Task CheckAsync_RequestAborted_PropagatesCancellation()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var health = Create(HealthCalls.Failing(StatusCode.Cancelled));

        await Assert.ThrowsAsync<RpcException>(() => health.CheckAsync(aborted.Token));
    }

    private Task<ApiHealthReport> CheckWith(Health.HealthClient client) =>
        Create(client).CheckAsync(CancellationToken.None);

    private ApiHealth Create(Health.HealthClient client) =>
        new(
            client,
            Options.Create(new BilanApiOptions { ApiUrl = new Uri("http://api.test:7001") }),
            _time,
            NullLogger<ApiHealth>.Instance);
}
