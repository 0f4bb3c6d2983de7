using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Dapper;
using Grpc.Core;

namespace Bilan.Server.Features.Confidential;

public sealed partial class SynthesesService
{
    private const string ListAccessesSql = """
        SELECT id, resource, actor, role, access_time, disclosure_consent_id FROM confidential_accesses
        WHERE bilan_id = @BilanId AND (access_time, id) > (@AfterTime, @AfterId)
        ORDER BY access_time, id
        LIMIT @Limit
        """;

    public override async Task<ListConfidentialAccessesResponse> ListConfidentialAccesses(ListConfidentialAccessesRequest request, ServerCallContext context)
    {
        var bilanId = ResourceName.ParseId(request.Parent, BilanRecord.Collection, "parent");
        var pageSize = PageSize.Resolve(request.PageSize);
        var (afterTime, afterId) = PageKeys.TimeAndIdAfter(request.PageToken, request.Parent);

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var rows = (await connection.QueryAsync<AccessRow>(new CommandDefinition(ListAccessesSql,
            new { BilanId = bilanId, AfterTime = afterTime, AfterId = afterId, Limit = pageSize + 1 },
            cancellationToken: context.CancellationToken))).ToList();

        var (page, next) = PageToken.Cut(rows, pageSize, request.Parent,
            last => [PageKeys.FormatTime(new DateTimeOffset(last.AccessTime, TimeSpan.Zero)), last.Id.ToString()]);
        var response = new ListConfidentialAccessesResponse { NextPageToken = next };
        response.ConfidentialAccesses.AddRange(page.Select(row => new ConfidentialAccess
        {
            Name = $"{request.Parent}/confidentialAccesses/{row.Id}",
            Resource = row.Resource,
            Actor = row.Actor,
            Role = (AccessorRole)row.Role,
            AccessTime = ProtoConversions.ToTimestamp(new DateTimeOffset(row.AccessTime, TimeSpan.Zero)),
            DisclosureConsent = row.DisclosureConsentId is { } consent ? $"{request.Parent}/disclosureConsents/{consent}" : "",
        }));
        return response;
    }

    private sealed record AccessRow(Guid Id, string Resource, string Actor, short Role, DateTime AccessTime, Guid? DisclosureConsentId);
}
