using System.Threading.Channels;
using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using BilanResource = Bilan.Contracts.V1.Bilan;
using StaffRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Tests.Features.Bilans;

/// <summary>A server of its own that polls every 20 ms, so that the stream tests stay fast.</summary>
public sealed class WatchServerFixture : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?> { ["Bilan:Events:PollMilliseconds"] = "20" };

    public ApiServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ApiServer.StartAsync(Settings);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class WatchBilanEventsTests(WatchServerFixture fixture) : IClassFixture<WatchServerFixture>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(600);

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task WatchBilanEvents_ChangesThroughTheApi_ArriveInOrderWithTheirTypesAndListNames()
    {
        var bilan = await Server.NewBilanAsync();
        await Server.RecordConsentAsync(bilan.Name);
        await using var watch = Watch.Start(Server.Channel, new WatchBilanEventsRequest
        {
            Filter = $"bilan = \"{bilan.Name}\"",
            AfterEvent = await LastEventAsync(bilan.Name),
        });

        var consultant = await Server.NewConsultantAsync();
        await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 1));
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });

        var events = await watch.EventsAsync(4);
        Assert.Equal(
            [BilanEventType.ConsultantAssigned, BilanEventType.InterviewScheduled, BilanEventType.InterviewHeld, BilanEventType.Started],
            events.Select(e => e.Type));
        // The same events, names and content as the history lists (after the creation and the consent, which came before the watch).
        var listed = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events.Skip(2);
        Assert.Equal(listed, events);
        await watch.ExpectNoEventAsync(Quiet);
    }

    [Fact]
    public async Task WatchBilanEvents_FilterByBilanAndByType_OnlyThoseEvents()
    {
        var organization = await NewOrganizationAsync();
        var first = await NewBilanOfAsync(organization);
        var second = await NewBilanOfAsync(organization);
        await using var ofFirst = Watch.Start(Server.Channel, new WatchBilanEventsRequest
        {
            Filter = $"bilan = \"{first.Name}\"",
            AfterEvent = await LastEventAsync(second.Name),
        });
        await using var assignments = Watch.Start(Server.Channel, new WatchBilanEventsRequest
        {
            Filter = $"organization = \"{organization}\" AND type = BILAN_EVENT_TYPE_CONSULTANT_ASSIGNED",
            HeartbeatSeconds = 1,
        });
        await assignments.PositionedAsync();

        var consultant = await Server.NewConsultantAsync();
        await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = second.Name, Consultant = consultant.Name });
        await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = first.Name, Consultant = consultant.Name });
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = second.Name });
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = first.Name });

        Assert.Equal(
            [(first.Name, BilanEventType.ConsultantAssigned), (first.Name, BilanEventType.Cancelled)],
            (await ofFirst.EventsAsync(2)).Select(e => (BilanOf(e), e.Type)));
        Assert.Equal([second.Name, first.Name], (await assignments.EventsAsync(2)).Select(BilanOf));
        await Task.WhenAll(ofFirst.ExpectNoEventAsync(Quiet), assignments.ExpectNoEventAsync(Quiet));
    }

    [Fact]
    public async Task WatchBilanEvents_ApiClientAndConsultant_OnlySeeTheirBilans()
    {
        var organizationA = await NewOrganizationAsync();
        var organizationB = await NewOrganizationAsync();
        var consultantX = await Server.NewConsultantAsync("Consultant X");
        var consultantY = await Server.NewConsultantAsync("Consultant Y");
        var ofA = await AssignAsync(await NewBilanOfAsync(organizationA), consultantX);
        var ofB = await AssignAsync(await NewBilanOfAsync(organizationB), consultantY);
        await Server.RecordConsentAsync(ofA.Name);
        await Server.RecordConsentAsync(ofB.Name);
        using var apiClientOfA = Server.ChannelFor(await NewApiKeyAsync(organizationA));
        var email = $"x.{Guid.NewGuid():N}@example.org";
        await TestUsers.InsertAsync(Server.Database, email, "Watch-password-2026", "Consultant X", StaffRole.Consultant, IdOf(consultantX.Name));
        using var consultantXChannel = Server.ChannelAs(email, "Watch-password-2026");
        var after = await LastEventAsync(ofB.Name);
        await using var asApiClient = Watch.Start(apiClientOfA, new WatchBilanEventsRequest { AfterEvent = after });
        await using var asConsultant = Watch.Start(consultantXChannel, new WatchBilanEventsRequest { AfterEvent = after });

        // B's change first: were it visible, it would come before A's.
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = ofB.Name });
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = ofA.Name });

        Assert.Equal((ofA.Name, BilanEventType.Started), Describe(await asApiClient.NextEventAsync()));
        Assert.Equal((ofA.Name, BilanEventType.Started), Describe(await asConsultant.NextEventAsync()));
        await Task.WhenAll(asApiClient.ExpectNoEventAsync(Quiet), asConsultant.ExpectNoEventAsync(Quiet));
    }

    [Fact]
    public async Task WatchBilanEvents_Idle_HeartbeatWithTheCursorToResumeFrom()
    {
        var bilan = await Server.NewBilanAsync();
        await using var watch = Watch.Start(Server.Channel, new WatchBilanEventsRequest { Filter = $"bilan = \"{bilan.Name}\" AND type = BILAN_EVENT_TYPE_CANCELLED", HeartbeatSeconds = 1 });

        var first = await watch.NextAsync(TimeSpan.FromSeconds(5));
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });
        var cancelled = await watch.NextEventAsync();
        var afterEvent = await watch.NextAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(WatchBilanEventsResponse.KindOneofCase.Heartbeat, first.KindCase);
        Assert.NotEmpty(first.Heartbeat.LastEvent);
        Assert.NotNull(first.Heartbeat.Time);
        Assert.Equal(WatchBilanEventsResponse.KindOneofCase.Heartbeat, afterEvent.KindCase);
        Assert.Equal(cancelled.Name, afterEvent.Heartbeat.LastEvent);
    }

    [Fact]
    public async Task WatchBilanEvents_ReconnectAfterTheLastEventReceived_ExactlyTheEventsMissed()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var filter = $"bilan = \"{bilan.Name}\"";
        BilanEvent last;
        await using (var watch = Watch.Start(Server.Channel, new WatchBilanEventsRequest { Filter = filter, AfterEvent = await LastEventAsync(bilan.Name) }))
        {
            await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 1);
            last = await watch.NextEventAsync();
        }

        // While disconnected.
        await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 2);
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });
        await using var resumed = Watch.Start(Server.Channel, new WatchBilanEventsRequest { Filter = filter, AfterEvent = last.Name });

        // The second interview scheduled, both interviews cancelled with the bilan, the bilan cancelled.
        var expected = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events
            .SkipWhile(e => e.Name != last.Name).Skip(1).ToList();
        var missed = await resumed.EventsAsync(expected.Count);
        Assert.Equal(BilanEventType.InterviewScheduled, last.Type);
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected, missed);
        await resumed.ExpectNoEventAsync(Quiet);
    }

    [Fact]
    public async Task WatchBilanEvents_BadFilterCursorOrHeartbeat_InvalidArgumentListingEach()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, async () =>
        {
            using var call = Server.Bilans.WatchBilanEvents(new WatchBilanEventsRequest
            {
                AfterEvent = "bilans/not-a-uuid/events/12",
                Filter = "state = STATE_REQUESTED",
                HeartbeatSeconds = 301,
            });
            await call.ResponseStream.MoveNext();
        });
        Assert.Equal(["after_event", "filter", "heartbeat_seconds"], status.BadFields());

        var unknownType = await RpcFailure.Of(StatusCode.InvalidArgument, async () =>
        {
            using var call = Server.Bilans.WatchBilanEvents(new WatchBilanEventsRequest { Filter = "type = STARTED" });
            await call.ResponseStream.MoveNext();
        });
        Assert.Equal(["filter"], unknownType.BadFields());

        var unknownEvent = await RpcFailure.Of(StatusCode.InvalidArgument, async () =>
        {
            using var call = Server.Bilans.WatchBilanEvents(new WatchBilanEventsRequest { AfterEvent = "987654321" });
            await call.ResponseStream.MoveNext();
        });
        Assert.Equal(["after_event"], unknownEvent.BadFields());
    }

    [Fact]
    public async Task WatchBilanEvents_TwoServerInstancesOnOneDatabase_EventWrittenThroughOneReachesAWatcherOnTheOther()
    {
        await using var other = await Server.StartAnotherOnSameDatabaseAsync(WatchServerFixture.Settings);
        var bilan = await Server.NewBilanAsync();
        await using var watch = Watch.Start(other.Channel, new WatchBilanEventsRequest
        {
            Filter = $"bilan = \"{bilan.Name}\"",
            AfterEvent = await LastEventAsync(bilan.Name),
        });

        var cancelled = await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });

        var received = await watch.NextEventAsync();
        Assert.Equal((bilan.Name, BilanEventType.Cancelled), Describe(received));
        Assert.Equal(cancelled.State, received.NewState);
    }

    [Fact]
    public async Task WatchBilanEvents_ServerShutsDown_StreamEndsWithOk()
    {
        var other = await Server.StartAnotherOnSameDatabaseAsync(WatchServerFixture.Settings);
        // A channel of the test's own: disposing the server disposes its own channels, which would cancel the call.
        using var channel = other.ChannelFor(await other.LoginAsync(ApiServer.AdminEmail, ApiServer.AdminPassword));
        await using var watch = Watch.Start(channel, new WatchBilanEventsRequest { HeartbeatSeconds = 1 });
        await watch.PositionedAsync();

        await other.DisposeAsync();

        Assert.True(await watch.EndedWithOkAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WatchBilanEvents_LowerIdCommittedLate_NotSkippedAndNotOvertaken()
    {
        var organization = await NewOrganizationAsync();
        var early = await NewBilanOfAsync(organization);
        var late = await NewBilanOfAsync(organization);
        await using var watch = Watch.Start(Server.Channel, new WatchBilanEventsRequest
        {
            Filter = $"organization = \"{organization}\"",
            AfterEvent = await LastEventAsync(late.Name),
        });

        // A writer takes an event id and keeps its transaction open...
        await using var connection = new NpgsqlConnection(Server.Database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand("""
            INSERT INTO bilan_events (bilan_id, type, actor, create_time, previous_state, new_state)
            VALUES (@bilan, 2, 'system', now(), 1, 1) RETURNING id
            """, connection, transaction);
        insert.Parameters.AddWithValue("bilan", IdOf(early.Name));
        var lowerId = (long)(await insert.ExecuteScalarAsync())!;
        // ...while another commits a later event through the API.
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = late.Name });
        var lateId = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = late.Name })).Events.Select(e => EventId(e.Name)).Max();
        Assert.True(lowerId < lateId);

        // The later event waits for the open transaction: delivering it now would skip the lower id for good.
        await watch.ExpectNoEventAsync(Quiet);
        await transaction.CommitAsync();

        var events = await watch.EventsAsync(2);
        Assert.Equal([lowerId, lateId], events.Select(e => EventId(e.Name)));
        Assert.Equal([early.Name, late.Name], events.Select(BilanOf));
        await watch.ExpectNoEventAsync(Quiet);
    }

    /// <summary>The name of the last event of a bilan so far: where a watch that must not see the past resumes.</summary>
    private async Task<string> LastEventAsync(string bilan) =>
        (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan, PageSize = 200 })).Events[^1].Name;

    private async Task<string> NewOrganizationAsync() =>
        (await new OrganizationService.OrganizationServiceClient(Server.Channel).CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = $"Employeur {Guid.NewGuid():N}" },
        })).Name;

    private async Task<string> NewApiKeyAsync(string organization) =>
        (await new OrganizationService.OrganizationServiceClient(Server.Channel).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = organization,
            ApiKey = new ApiKey { DisplayName = "SIRH" },
        })).Secret;

    private async Task<BilanResource> NewBilanOfAsync(string organization)
    {
        var beneficiary = Requests.JobSeeker();
        beneficiary.Organization = organization;
        var created = await Server.Beneficiaries.CreateAsync(beneficiary);
        return await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(created.Name) });
    }

    private async Task<BilanResource> AssignAsync(BilanResource bilan, Consultant consultant)
    {
        return await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
    }

    private static (string, BilanEventType) Describe(BilanEvent e) => (BilanOf(e), e.Type);

    private static string BilanOf(BilanEvent e) => e.Name[..e.Name.IndexOf("/events/", StringComparison.Ordinal)];

    private static long EventId(string name) => long.Parse(name[(name.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static Guid IdOf(string name) => Guid.Parse(name[(name.IndexOf('/') + 1)..]);

    /// <summary>A watch read in the background, so that a test can wait for a message without ending the call.</summary>
    private sealed class Watch : IAsyncDisposable
    {
        private readonly AsyncServerStreamingCall<WatchBilanEventsResponse> _call;
        private readonly Channel<WatchBilanEventsResponse> _received = Channel.CreateUnbounded<WatchBilanEventsResponse>();
        private readonly Task _pump;

        private Watch(AsyncServerStreamingCall<WatchBilanEventsResponse> call)
        {
            _call = call;
            _pump = PumpAsync();
        }

        public static Watch Start(GrpcChannel channel, WatchBilanEventsRequest request) =>
            new(new BilanService.BilanServiceClient(channel).WatchBilanEvents(request));

        /// <summary>
        /// Waits for the first heartbeat of a watch asked with <c>heartbeat_seconds = 1</c>: the server sends it only
        /// once the stream has taken its starting position ("from now on"), so whatever the test writes next comes
        /// after it. (A fixed delay instead was a race lost whenever the machine was busy.)
        /// </summary>
        public async Task PositionedAsync()
        {
            var first = await NextAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(WatchBilanEventsResponse.KindOneofCase.Heartbeat, first.KindCase);
        }

        public async Task<WatchBilanEventsResponse> NextAsync(TimeSpan timeout)
        {
            using var wait = new CancellationTokenSource(timeout);
            return await _received.Reader.ReadAsync(wait.Token);
        }

        public async Task<BilanEvent> NextEventAsync()
        {
            while (true)
            {
                var message = await NextAsync(TimeSpan.FromSeconds(10));
                if (message.KindCase == WatchBilanEventsResponse.KindOneofCase.Event)
                {
                    return message.Event;
                }
            }
        }

        public async Task<List<BilanEvent>> EventsAsync(int count)
        {
            var events = new List<BilanEvent>();
            while (events.Count < count)
            {
                events.Add(await NextEventAsync());
            }

            return events;
        }

        public async Task ExpectNoEventAsync(TimeSpan during)
        {
            await Task.Delay(during);
            while (_received.Reader.TryRead(out var message))
            {
                Assert.Equal(WatchBilanEventsResponse.KindOneofCase.Heartbeat, message.KindCase);
            }
        }

        /// <summary>Whether the server ended the stream with OK within <paramref name="timeout"/>.</summary>
        public async Task<bool> EndedWithOkAsync(TimeSpan timeout)
        {
            await _pump.WaitAsync(timeout);
            Assert.Null(_received.Reader.Completion.Exception?.InnerException);
            return _call.GetStatus().StatusCode == StatusCode.OK;
        }

        public async ValueTask DisposeAsync()
        {
            _call.Dispose();
            await _pump;
        }

        private async Task PumpAsync()
        {
            try
            {
                while (await _call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    await _received.Writer.WriteAsync(_call.ResponseStream.Current);
                }

                _received.Writer.Complete();
            }
            catch (RpcException exception)
            {
                _received.Writer.Complete(exception);
            }
            catch (ObjectDisposedException exception)
            {
                _received.Writer.Complete(exception);
            }
        }
    }
}
