using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Grpc.Core;

namespace Bilan.Server.Features.Organizations;

public sealed partial class OrganizationsService
{
    private static readonly IReadOnlyCollection<string> ApiKeyFilterFields = ["revoked"];

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var organizationId = ResourceName.ParseId(request.Parent, OrganizationRecord.Collection, "parent");
        var pageSize = PageSize.Resolve(request.PageSize);
        var conditions = new SqlConditions();
        conditions.Add("organization_id = @OrganizationId", ("OrganizationId", organizationId));
        foreach (var term in ListFilter.Parse(request.Filter, ApiKeyFilterFields))
        {
            // Fixed SQL either way; the only field is `revoked`.
            conditions.Add(FilterValues.Boolean(term) ? "revoke_time IS NOT NULL" : "revoke_time IS NULL");
        }

        // Keyset pagination, newest first; a token is bound to both the parent and the filter it was issued for.
        var tokenScope = $"{request.Parent}\n{request.Filter}";
        if (PageToken.Decode(request.PageToken, tokenScope, keyLength: 2) is [var lastTime, var lastId])
        {
            conditions.Add("(create_time, id) < (@AfterTime, @AfterId)",
                ("AfterTime", PageKeys.ParseTime(lastTime)), ("AfterId", PageKeys.ParseGuid(lastId)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await FindAsync(connection, null, organizationId, forUpdate: false, context.CancellationToken);
        var rows = (await conditions.QueryPageAsync<ApiKeyRow>(connection,
            $"SELECT {ApiKeyRecord.Columns} FROM api_keys", "create_time DESC, id DESC", pageSize, context.CancellationToken)).Select(row => row.ToRecord()).ToList();

        var (page, next) = PageToken.Cut(rows, pageSize, tokenScope, last => [PageKeys.FormatTime(last.CreateTime), last.Id.ToString()]);
        var response = new ListApiKeysResponse { NextPageToken = next };
        response.ApiKeys.AddRange(page.Select(record => record.ToProto()));

        return response;
    }
}
