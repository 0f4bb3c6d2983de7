using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Auth;
using Dapper;
using Grpc.Core;

namespace Bilan.Server.Features.Interviews;

public sealed partial class InterviewsService
{
    private const string ListSql = $"""
        SELECT {InterviewRecord.Columns} FROM interviews i
        WHERE i.bilan_id = @BilanId AND (i.start_time, i.id) > (@AfterStart, @AfterId)
        ORDER BY i.start_time, i.id
        LIMIT @Limit
        """;

    public override async Task<ListInterviewsResponse> ListInterviews(ListInterviewsRequest request, ServerCallContext context)
    {
        var bilanId = ResourceName.ParseId(request.Parent, BilanRecord.Collection, "parent");
        var pageSize = PageSize.Resolve(request.PageSize);
        var (afterStart, afterId) = PageKeys.TimeAndIdAfter(request.PageToken, request.Parent);

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var rows = (await connection.QueryAsync<InterviewRow>(new CommandDefinition(ListSql,
            new { BilanId = bilanId, AfterStart = afterStart, AfterId = afterId, Limit = pageSize + 1 },
            cancellationToken: context.CancellationToken))).Select(row => row.ToRecord()).ToList();

        var (page, next) = PageToken.Cut(rows, pageSize, request.Parent,
            last => [PageKeys.FormatTime(last.Interview.Start), last.Interview.Id.ToString()]);
        var response = new ListInterviewsResponse { NextPageToken = next };
        response.Interviews.AddRange(page.Select(record => record.ToProto()));

        return response;
    }
}
