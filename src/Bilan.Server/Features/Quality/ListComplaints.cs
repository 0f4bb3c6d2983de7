using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;
using Grpc.Core;

namespace Bilan.Server.Features.Quality;

public sealed partial class QualityManagementService
{
    private static readonly IReadOnlyCollection<string> ComplaintFilterFields = ["status", "bilan"];

    public override async Task<ListComplaintsResponse> ListComplaints(ListComplaintsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var conditions = new SqlConditions();
        foreach (var term in ListFilter.Parse(request.Filter, ComplaintFilterFields))
        {
            if (term.Field == "status")
            {
                conditions.Add("c.status = @Status", ("Status", (short)FilterValues.Enum<ComplaintStatus>(term)));
            }
            else
            {
                conditions.Add("c.bilan_id = @FilterBilan", ("FilterBilan", FilterValues.ResourceId(term, BilanRecord.Collection)));
            }
        }

        // Keyset, most recently received first.
        if (PageToken.Decode(request.PageToken, request.Filter, keyLength: 2) is [var lastDate, var lastId])
        {
            conditions.Add("(c.received_date, c.id) < (@AfterDate, @AfterId)",
                ("AfterDate", ParsePageDate(lastDate)), ("AfterId", PageKeys.ParseGuid(lastId)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var rows = await conditions.QueryPageAsync<ComplaintRecord>(connection,
            $"SELECT {ComplaintRecord.Columns} FROM complaints c", "c.received_date DESC, c.id DESC", pageSize, context.CancellationToken);

        var (page, next) = PageToken.Cut(rows, pageSize, request.Filter, last => [FormatPageDate(last.ReceivedDate), last.Id.ToString()]);
        var response = new ListComplaintsResponse { NextPageToken = next };
        response.Complaints.AddRange(page.Select(record => record.ToProto()));
        return response;
    }
}
