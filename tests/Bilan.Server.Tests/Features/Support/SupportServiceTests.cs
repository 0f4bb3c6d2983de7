using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Tests.Api;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using State = Bilan.Contracts.V1.Bilan.Types.State;
using StaffRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Tests.Features.Support;

/// <summary>What support sees with SupportService: the server's status, error records found by correlation id, a bilan's diagnostics.</summary>
[Collection(ApiTests.Name)]
public sealed class SupportServiceTests(ApiFixture fixture)
{
    private const string Password = "Support-password-2026";

    private ApiServer Server => fixture.Server;

    private SupportService.SupportServiceClient Support => new(Server.Channel);

    [Fact]
    public async Task GetServerStatus_DatabaseReachable_MigrationLevelIsTheLastScript()
    {
        var scripts = typeof(Program).Assembly.GetManifestResourceNames().Where(name => name.EndsWith(".sql", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();

        var status = await Support.GetServerStatusAsync(new GetServerStatusRequest());

        Assert.True(status.Database.Reachable);
        Assert.Matches(@"^\d+(\.\d+)*", status.Database.ServerVersion);
        Assert.InRange(status.Database.RoundTripMilliseconds, 0.0, 5000.0);
        Assert.Equal((scripts[^1], scripts.Count), (status.Migrations.LastScript, status.Migrations.AppliedCount));
        Assert.Equal(Environment.MachineName, status.Instance);
        Assert.False(string.IsNullOrEmpty(status.Version));
        Assert.InRange(status.StartTime.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task LookupError_RefusedCallsCorrelationId_MethodCodeReasonAndActor()
    {
        var (consultantUser, consultantChannel) = await StaffAsync(StaffRole.Consultant);
        var refused = await RpcFailure.Of(StatusCode.PermissionDenied,
            () => new SupportService.SupportServiceClient(consultantChannel).GetServerStatusAsync(new GetServerStatusRequest()));
        var correlationId = refused.ErrorInfo().Metadata["correlation_id"];

        var (_, supportChannel) = await StaffAsync(StaffRole.Support);
        var record = await new SupportService.SupportServiceClient(supportChannel).LookupErrorAsync(new LookupErrorRequest { CorrelationId = correlationId });

        Assert.Equal(
            (correlationId, "/bilan.v1.SupportService/GetServerStatus", 7, "PERMISSION_DENIED", "ROLE_NOT_ALLOWED", $"users/{consultantUser}", "", Environment.MachineName),
            (record.CorrelationId, record.Method, record.StatusCode, record.Status, record.Reason, record.Actor, record.ResourceName, record.Instance));
        Assert.InRange(record.CreateTime.ToDateTimeOffset(), ApiServer.Start, Server.Clock.GetUtcNow());
    }

    [Fact]
    public async Task LookupError_CallWithoutCredentials_RecordedAsAnonymous()
    {
        var refused = await RpcFailure.Of(StatusCode.Unauthenticated,
            () => new BilanService.BilanServiceClient(Server.AnonymousChannel).GetBilanAsync(new GetBilanRequest { Name = $"bilans/{Guid.NewGuid()}" }));

        var record = await Support.LookupErrorAsync(new LookupErrorRequest { CorrelationId = refused.ErrorInfo().Metadata["correlation_id"] });

        Assert.Equal(("CREDENTIALS_MISSING", ErrorEntry.Anonymous, 16), (record.Reason, record.Actor, record.StatusCode));
    }

    [Fact]
    public async Task LookupError_UnknownId_NotFound()
    {
        var status = await RpcFailure.Of(StatusCode.NotFound,
            () => Support.LookupErrorAsync(new LookupErrorRequest { CorrelationId = "0HNOTKNOWN:00000001" }));

        Assert.Equal("RESOURCE_NOT_FOUND", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task LookupError_NoId_InvalidArgumentOnCorrelationId()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Support.LookupErrorAsync(new LookupErrorRequest()));

        Assert.Equal(["correlation_id"], status.BadFields());
    }

    [Fact]
    public async Task LookupError_InternalError_RecordHoldsNoExceptionText()
    {
        // INTERNAL cannot be caused through the API on purpose: record one the way the interceptor does.
        var correlationId = $"0HNINTERNAL{Guid.NewGuid():N}:00000001";
        var context = TestServerCallContext.Create(correlationId, "/bilan.v1.BilanService/StartBilan");
        var failure = new InvalidOperationException("Sequence contains no elements; Password=hunter2");
        var entry = ErrorEntry.Of(RpcErrors.Internal(correlationId), failure, new StartBilanRequest { Name = "bilans/6f1f9a4e-52a4-4bd2-9d0b-7c0c1d1e2f30" }, context, correlationId);
        await using var dataSource = NpgsqlDataSource.Create(Server.Database.ConnectionString);
        await new ErrorLog(dataSource, Server.Clock).RecordAsync(entry, CancellationToken.None);

        var record = await Support.LookupErrorAsync(new LookupErrorRequest { CorrelationId = correlationId });

        Assert.Equal(
            (13, "INTERNAL", "INTERNAL", "/bilan.v1.BilanService/StartBilan", "bilans/6f1f9a4e-52a4-4bd2-9d0b-7c0c1d1e2f30"),
            (record.StatusCode, record.Status, record.Reason, record.Method, record.ResourceName));
        Assert.DoesNotContain("hunter2", record.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sequence", record.ToString(), StringComparison.Ordinal);
        var stored = await Server.Database.ScalarAsync<string>($"SELECT row_to_json(e)::text FROM error_log e WHERE correlation_id = '{correlationId}'");
        Assert.DoesNotContain("hunter2", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorLog_OlderThan30Days_NotLookedUpAndPurged()
    {
        var correlationId = $"0HNOLD{Guid.NewGuid():N}:00000001";
        await using var dataSource = NpgsqlDataSource.Create(Server.Database.ConnectionString);
        var longAgo = new FakeTimeProvider(Server.Clock.GetUtcNow().AddDays(-31));
        await new ErrorLog(dataSource, longAgo).RecordAsync(
            new ErrorEntry(correlationId, "/bilan.v1.BilanService/GetBilan", StatusCode.NotFound, "RESOURCE_NOT_FOUND", "users/x", null, "old-instance"),
            CancellationToken.None);

        await RpcFailure.Of(StatusCode.NotFound, () => Support.LookupErrorAsync(new LookupErrorRequest { CorrelationId = correlationId }));
        Assert.True(await new ErrorLog(dataSource, Server.Clock).PurgeAsync(CancellationToken.None) >= 1);
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM error_log WHERE correlation_id = '{correlationId}'"));
    }

    [Fact]
    public async Task GetBilanDiagnostics_RecentEventsLatestFirstAndTheErrorsAboutThatBilanOnly()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 90, 1);
        var refused = await RpcFailure.Of(StatusCode.FailedPrecondition,
            () => Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name }));
        var stale = await RpcFailure.Of(StatusCode.Aborted,
            () => Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = interview.Name, Etag = "999" }));
        var other = await Server.NewBilanAsync();
        var otherRefused = await RpcFailure.Of(StatusCode.FailedPrecondition,
            () => Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = other.Name }));
        var (_, supportChannel) = await StaffAsync(StaffRole.Support);

        var diagnostics = await new SupportService.SupportServiceClient(supportChannel).GetBilanDiagnosticsAsync(new GetBilanDiagnosticsRequest { Name = bilan.Name });

        Assert.Equal((bilan.Name, State.Requested, bilan.Consultant, bilan.Organization), (diagnostics.Name, diagnostics.State, diagnostics.Consultant, diagnostics.Organization));
        Assert.True(diagnostics.Version >= 2);
        Assert.Equal(
            [BilanEventType.InterviewScheduled, BilanEventType.BilanConsentRecorded, BilanEventType.ConsultantAssigned, BilanEventType.Created],
            diagnostics.RecentEvents.Select(e => e.Type));
        Assert.All(diagnostics.RecentEvents, e => Assert.StartsWith(bilan.Name + "/events/", e.Name, StringComparison.Ordinal));
        Assert.Equal(
            [
                (stale.ErrorInfo().Metadata["correlation_id"], "ETAG_MISMATCH", interview.Name),
                (refused.ErrorInfo().Metadata["correlation_id"], refused.ErrorInfo().Reason, bilan.Name),
            ],
            diagnostics.RecentErrors.Select(e => (e.CorrelationId, e.Reason, e.ResourceName)));
        Assert.DoesNotContain(diagnostics.RecentErrors, e => e.CorrelationId == otherRefused.ErrorInfo().Metadata["correlation_id"]);
    }

    [Fact]
    public async Task GetBilanDiagnostics_ManyEvents_The20MostRecent()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        // Created, assigned, then 22 updates: 24 events.
        for (var i = 0; i < 22; i++)
        {
            await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest { Bilan = new Contracts.V1.Bilan { Name = bilan.Name, PlannedHours = 13 + (i % 2) } });
        }

        var all = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
        var diagnostics = await Support.GetBilanDiagnosticsAsync(new GetBilanDiagnosticsRequest { Name = bilan.Name });

        Assert.True(all.Count > 20);
        Assert.Equal(all.Reverse().Take(20).Select(e => e.Name), diagnostics.RecentEvents.Select(e => e.Name));
    }

    [Fact]
    public async Task GetBilanDiagnostics_UnknownBilan_NotFound()
    {
        var status = await RpcFailure.Of(StatusCode.NotFound,
            () => Support.GetBilanDiagnosticsAsync(new GetBilanDiagnosticsRequest { Name = $"bilans/{Guid.NewGuid()}" }));

        Assert.Equal("RESOURCE_NOT_FOUND", status.ErrorInfo().Reason);
    }

    /// <summary>A new staff user with <paramref name="role"/> (a consultant user gets a consultant of their own), and a channel logged in as them.</summary>
    private async Task<(Guid UserId, GrpcChannel Channel)> StaffAsync(StaffRole role)
    {
        var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        Guid? consultant = role == StaffRole.Consultant
            ? Guid.Parse((await Server.NewConsultantAsync()).Name["consultants/".Length..])
            : null;
        var userId = await TestUsers.InsertAsync(Server.Database, email, Password, email, role, consultant);
        return (userId, Server.ChannelAs(email, Password));
    }
}
