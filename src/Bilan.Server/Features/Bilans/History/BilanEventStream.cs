using System.Data;
using System.Diagnostics;
using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Bilans.History;

/// <summary>
/// BilanService.WatchBilanEvents: streams the events of the bilans the caller may see, read from the database
/// (never from this process's memory), so that an event written through any server instance reaches watchers on
/// every instance. Polls every <c>Bilan:Events:PollMilliseconds</c> (250 ms by default) while idle.
/// </summary>
/// <remarks>
/// The stream reads only events whose writing transaction is older than every transaction still running, in
/// (transaction, id) order: that set never changes behind the cursor, so nothing is skipped when a transaction
/// holding a lower event id commits late (see migration 0007_event_stream.sql). A cursor is the position
/// (tx, id) of an event; clients hold the event's id (in its name) and the position is looked up again on resume.
/// </remarks>
internal sealed class BilanEventStream(NpgsqlDataSource dataSource, TimeProvider clock, IHostApplicationLifetime lifetime, IConfiguration configuration)
{
    public const int DefaultHeartbeatSeconds = 15;
    private const int MaxHeartbeatSeconds = 300;
    private const int Batch = 100;

    private static readonly IReadOnlyCollection<string> FilterFields = ["bilan", "organization", "type"];

    // Events whose transaction has ended, after the cursor, in stream order; scope and filter are added to it.
    private const string StableAfterCursor = "(e.tx, e.id) > (CAST(CAST(@AfterTx AS text) AS xid8), @AfterId) AND e.tx < pg_snapshot_xmin(pg_current_snapshot())";

    // The last event, in stream order, whose transaction has ended: any later event comes after it.
    private const string HorizonSql = """
        SELECT CAST(CAST(e.tx AS text) AS bigint) AS tx, e.id FROM bilan_events e
        WHERE e.tx < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.tx DESC, e.id DESC
        LIMIT 1
        """;

    // Deleting a bilan deletes its events; their positions are kept (migration 0007) for cursors naming them.
    private const string PositionSql = """
        SELECT CAST(CAST(tx AS text) AS bigint) FROM bilan_events WHERE id = @Id
        UNION ALL
        SELECT CAST(CAST(tx AS text) AS bigint) FROM bilan_event_positions_deleted WHERE id = @Id
        LIMIT 1
        """;

    private readonly TimeSpan _poll = TimeSpan.FromMilliseconds(Math.Max(1, configuration.GetValue("Bilan:Events:PollMilliseconds", 250)));

    public async Task RunAsync(WatchBilanEventsRequest request, IServerStreamWriter<WatchBilanEventsResponse> stream, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var afterId = ParseAfterEvent(request.AfterEvent, checks);
        var conditions = new SqlConditions();
        conditions.Add(StableAfterCursor);
        BilanAccess.Scope(context.Caller(), conditions);
        try
        {
            foreach (var term in ListFilter.Parse(request.Filter, FilterFields))
            {
                AddCondition(conditions, term);
            }
        }
        catch (InvalidFieldsException invalid)
        {
            checks.AddRange(invalid.Violations);
        }

        var heartbeat = TimeSpan.FromSeconds(request.HeartbeatSeconds == 0 ? DefaultHeartbeatSeconds : request.HeartbeatSeconds);
        if (request.HeartbeatSeconds is < 0 or > MaxHeartbeatSeconds)
        {
            checks.Add("heartbeat_seconds", "OUT_OF_RANGE", $"From 1 to {MaxHeartbeatSeconds} seconds; 0 or unset for {DefaultHeartbeatSeconds}.",
                $"Entre 1 et {MaxHeartbeatSeconds} secondes.");
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);

        // The stream ends cleanly (status OK) when the server shuts down; the client then resumes elsewhere.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await StreamAsync(afterId, conditions, heartbeat, stream, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutdown or the client left: nothing more to send.
        }
    }

    private async Task StreamAsync(
        long? afterId, SqlConditions conditions, TimeSpan heartbeat, IServerStreamWriter<WatchBilanEventsResponse> stream, CancellationToken token)
    {
        var sql = $"""
            SELECT {EventRow.Columns}, CAST(CAST(e.tx AS text) AS bigint) AS tx
            FROM bilan_events e JOIN bilans b ON b.id = e.bilan_id
            {conditions.Where}
            ORDER BY e.tx, e.id
            LIMIT {Batch}
            """;
        var (position, cursor) = afterId is { } id ? (await PositionOfAsync(id, token), id.ToString(CultureInfo.InvariantCulture)) : await StartAsync(token);
        var quiet = Stopwatch.StartNew();
        while (true)
        {
            token.ThrowIfCancellationRequested();
            var (rows, horizon) = await PollAsync(sql, conditions, position, token);
            foreach (var row in rows)
            {
                await stream.WriteAsync(new WatchBilanEventsResponse { Event = row.ToProto() }, token);
                (position, cursor) = (new Position(row.Tx, row.Id), row.Name);
                quiet.Restart();
            }

            if (rows.Count == Batch)
            {
                continue;
            }

            // Nothing more the caller sees up to the horizon: skip the events it does not see for good.
            if (horizon is { } reached && reached.CompareTo(position) > 0)
            {
                (position, cursor) = (reached, reached.Id.ToString(CultureInfo.InvariantCulture));
            }

            if (quiet.Elapsed >= heartbeat)
            {
                await stream.WriteAsync(new WatchBilanEventsResponse
                {
                    Heartbeat = new WatchBilanEventsResponse.Types.Heartbeat { Time = ProtoConversions.ToTimestamp(clock.GetUtcNow()), LastEvent = cursor },
                }, token);
                quiet.Restart();
            }

            var untilHeartbeat = heartbeat - quiet.Elapsed;
            await Task.Delay(untilHeartbeat < _poll ? untilHeartbeat.Duration() : _poll, token);
        }
    }

    /// <summary>One batch of events after <paramref name="after"/>, and the horizon, seen in one snapshot.</summary>
    private async Task<(List<StreamedEventRow> Rows, Position? Horizon)> PollAsync(
        string sql, SqlConditions conditions, Position after, CancellationToken token)
    {
        conditions.Parameters.Add("AfterTx", after.Tx);
        conditions.Parameters.Add("AfterId", after.Id);
        await using var connection = await dataSource.OpenConnectionAsync(token);
        // One snapshot for both queries: the horizon must not include events the first query could not see.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, token);
        var rows = (await connection.QueryAsync<StreamedEventRow>(new CommandDefinition(sql, conditions.Parameters, transaction, cancellationToken: token))).ToList();
        var horizon = rows.Count < Batch
            ? (await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(HorizonSql, transaction: transaction, cancellationToken: token)))?.Position
            : null;
        await transaction.CommitAsync(token);
        return (rows, horizon);
    }

    /// <summary>"From now on": after the last event whose transaction has ended.</summary>
    private async Task<(Position, string)> StartAsync(CancellationToken token)
    {
        await using var connection = await dataSource.OpenConnectionAsync(token);
        var horizon = (await connection.QuerySingleOrDefaultAsync<PositionRow>(new CommandDefinition(HorizonSql, cancellationToken: token)))?.Position ?? default;
        return (horizon, horizon.Id.ToString(CultureInfo.InvariantCulture));
    }

    private async Task<Position> PositionOfAsync(long id, CancellationToken token)
    {
        if (id == 0)
        {
            return default;
        }

        await using var connection = await dataSource.OpenConnectionAsync(token);
        var tx = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(PositionSql, new { Id = id }, cancellationToken: token));
        return tx is { } found
            ? new Position(found, id)
            : throw new InvalidFieldsException([new FieldViolation("after_event", "UNKNOWN_EVENT",
                "No event has this id: resume from the name of an event this stream or ListBilanEvents returned.",
                "Aucun événement ne porte cet identifiant.")]);
    }

    /// <summary>The event id in <c>bilans/{bilan_id}/events/{event_id}</c> or a bare id; null when empty.</summary>
    private static long? ParseAfterEvent(string value, FieldChecks checks)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var separator = value.LastIndexOf("/events/", StringComparison.Ordinal);
        var idText = separator < 0 ? value : value[(separator + "/events/".Length)..];
        if ((separator < 0 || ResourceName.TryParseId(value[..separator], BilanRecord.Collection, out _))
            && long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        checks.Add("after_event", "INVALID_EVENT_NAME", "Expected an event name bilans/{uuid}/events/{event_id}, or an event id.",
            "Identifiant d'événement invalide.");
        return null;
    }

    private static void AddCondition(SqlConditions conditions, FilterTerm term)
    {
        switch (term.Field)
        {
            case "bilan":
                conditions.Add("e.bilan_id = @FilterBilan", ("FilterBilan", FilterValues.ResourceId(term, BilanRecord.Collection)));
                break;
            case "organization":
                conditions.Add("b.organization_id = @FilterOrganization", ("FilterOrganization", FilterValues.ResourceId(term, OrganizationScope.Collection)));
                break;
            case "type":
                conditions.Add("e.type = @FilterType", ("FilterType", (short)FilterValues.Enum<BilanEventType>(term)));
                break;
        }
    }

    /// <summary>Where an event stands in the stream: its transaction, then its id.</summary>
    private readonly record struct Position(long Tx, long Id) : IComparable<Position>
    {
        public int CompareTo(Position other) => Tx != other.Tx ? Tx.CompareTo(other.Tx) : Id.CompareTo(other.Id);
    }

    private sealed record PositionRow(long Tx, long Id)
    {
        public Position Position => new(Tx, Id);
    }

    private sealed class StreamedEventRow : EventRow
    {
        public long Tx { get; init; }
    }
}
