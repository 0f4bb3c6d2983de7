using System.Globalization;
using System.Text.Json;
using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Dapper;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    private const string EventsSql = """
        SELECT id, type, actor, create_time, previous_state, new_state, attributes::text AS attributes
        FROM bilan_events
        WHERE bilan_id = @BilanId AND id > @AfterId
        ORDER BY id
        LIMIT @Limit
        """;

    public override async Task<ListBilanEventsResponse> ListBilanEvents(ListBilanEventsRequest request, ServerCallContext context)
    {
        var bilanId = ResourceName.ParseId(request.Parent, BilanRecord.Collection, "parent");
        var pageSize = PageSize.Resolve(request.PageSize);
        var afterId = PageToken.Decode(request.PageToken, request.Parent, keyLength: 1) is [var last] ? PageKeys.ParseLong(last) : 0L;

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        context.Caller().EnsureVisible(await FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var rows = (await connection.QueryAsync<EventRow>(new CommandDefinition(
            EventsSql, new { BilanId = bilanId, AfterId = afterId, Limit = pageSize + 1 }, cancellationToken: context.CancellationToken))).ToList();

        var response = new ListBilanEventsResponse();
        response.Events.AddRange(rows.Take(pageSize).Select(row => row.ToProto(request.Parent)));
        if (rows.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(request.Parent, rows[pageSize - 1].Id.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    private sealed record EventRow(long Id, short Type, string Actor, DateTime CreateTime, short PreviousState, short NewState, string Attributes)
    {
        public BilanEvent ToProto(string bilanName)
        {
            var proto = new BilanEvent
            {
                Name = $"{bilanName}/events/{Id.ToString(CultureInfo.InvariantCulture)}",
                Type = (BilanEventType)Type,
                Actor = Actor,
                CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
                PreviousState = (BilanResource.Types.State)PreviousState,
                NewState = (BilanResource.Types.State)NewState,
            };
            proto.Attributes.Add(JsonSerializer.Deserialize<Dictionary<string, string>>(Attributes) ?? []);
            return proto;
        }
    }
}
