using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Dapper;
using Grpc.Core;

namespace Bilan.Server.Features.Funding;

public sealed partial class FundingsService
{
    private static readonly string[] FilterFields = ["status", "funder_type"];

    private const string ListSql = $"""
        SELECT {FundingRecord.Columns} FROM fundings f
        WHERE f.bilan_id = @BilanId AND (f.create_time, f.id) > (@AfterCreate, @AfterId)
          AND (@Status IS NULL OR f.status = @Status) AND (@FunderType IS NULL OR f.funder_type = @FunderType)
        ORDER BY f.create_time, f.id
        LIMIT @Limit
        """;

    public override async Task<ListFundingsResponse> ListFundings(ListFundingsRequest request, ServerCallContext context)
    {
        var bilanId = ResourceName.ParseId(request.Parent, BilanRecord.Collection, "parent");
        short? status = null;
        short? funderType = null;
        foreach (var term in ListFilter.Parse(request.Filter, FilterFields))
        {
            if (term.Field == "status")
            {
                status = (short)FilterValues.Enum<FundingStatus>(term);
            }
            else
            {
                funderType = (short)FilterValues.Enum<FunderType>(term);
            }
        }

        var pageSize = PageSize.Resolve(request.PageSize);
        var binding = $"{request.Parent}|{request.Filter}";
        var (afterCreate, afterId) = PageKeys.TimeAndIdAfter(request.PageToken, binding);

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var bilan = context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var rows = (await connection.QueryAsync<FundingRecord>(new CommandDefinition(ListSql,
            new { BilanId = bilanId, AfterCreate = afterCreate, AfterId = afterId, Status = status, FunderType = funderType, Limit = pageSize + 1 },
            cancellationToken: context.CancellationToken))).ToList();

        var (page, next) = PageToken.Cut(rows, pageSize, binding,
            last => [PageKeys.FormatTime(new DateTimeOffset(last.CreateTime, TimeSpan.Zero)), last.Id.ToString()]);
        var response = new ListFundingsResponse { NextPageToken = next };
        var today = Today();
        foreach (var record in page)
        {
            response.Fundings.Add(record.ToProto(await ContextAsync(connection, null, bilan, record.Id, context.CancellationToken), policy, today));
        }

        return response;
    }
}
