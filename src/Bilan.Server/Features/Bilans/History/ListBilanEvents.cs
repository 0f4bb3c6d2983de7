using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Grpc.Core;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    private const string EventsSql = $"""
        SELECT {EventRow.Columns}
        FROM bilan_events e
        WHERE e.bilan_id = @BilanId AND e.id > @AfterId
        ORDER BY e.id
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
        response.Events.AddRange(rows.Take(pageSize).Select(row => row.ToProto()));
        if (rows.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(request.Parent, rows[pageSize - 1].Id.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }
}
