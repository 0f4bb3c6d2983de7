using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Dapper;
using Grpc.Core;

namespace Bilan.Server.Features.Consents;

public sealed partial class ConsentsService
{
    private const string ListSql = $"""
        SELECT {DisclosureConsentRecord.Columns} FROM disclosure_consents
        WHERE bilan_id = @BilanId AND (create_time, id) > (@AfterCreate, @AfterId)
        ORDER BY create_time, id
        LIMIT @Limit
        """;

    public override async Task<ListDisclosureConsentsResponse> ListDisclosureConsents(ListDisclosureConsentsRequest request, ServerCallContext context)
    {
        var bilanId = ResourceName.ParseId(request.Parent, BilanRecord.Collection, "parent");
        var pageSize = PageSize.Resolve(request.PageSize);
        var (afterCreate, afterId) = PageKeys.TimeAndIdAfter(request.PageToken, request.Parent);

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var rows = (await connection.QueryAsync<DisclosureConsentRecord>(new CommandDefinition(ListSql,
            new { BilanId = bilanId, AfterCreate = afterCreate, AfterId = afterId, Limit = pageSize + 1 },
            cancellationToken: context.CancellationToken))).ToList();

        var (page, next) = PageToken.Cut(rows, pageSize, request.Parent,
            last => [PageKeys.FormatTime(new DateTimeOffset(last.CreateTime, TimeSpan.Zero)), last.Id.ToString()]);
        var response = new ListDisclosureConsentsResponse { NextPageToken = next };
        response.DisclosureConsents.AddRange(page.Select(record => record.ToProto()));
        return response;
    }
}
