using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Support;

public sealed partial class SupportDiagnosticsService
{
    private const string RecentEventsSql = $"""
        SELECT {EventRow.Columns}
        FROM bilan_events e
        WHERE e.bilan_id = @BilanId
        ORDER BY e.id DESC
        LIMIT @Limit
        """;

    // The bilan itself and its sub-resources (its interviews): `bilans/{id}` and `bilans/{id}/...`.
    private const string RecentErrorsSql = $"""
        SELECT {ErrorRow.Columns}
        FROM error_log
        WHERE (resource_name = @Name OR resource_name LIKE @SubResources) AND create_time >= @KeptSince
        ORDER BY create_time DESC, correlation_id
        LIMIT @Limit
        """;

    public override async Task<BilanDiagnostics> GetBilanDiagnostics(GetBilanDiagnosticsRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, BilanRecord.Collection, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var bilan = context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, id, forUpdate: false, context.CancellationToken));
        var events = await connection.QueryAsync<EventRow>(new CommandDefinition(
            RecentEventsSql, new { BilanId = id, Limit = RecentCount }, cancellationToken: context.CancellationToken));
        // The name is a canonical UUID name (parsed above), so it holds no LIKE wildcard.
        var errors = await connection.QueryAsync<ErrorRow>(new CommandDefinition(
            RecentErrorsSql,
            new { bilan.Name, SubResources = bilan.Name + "/%", KeptSince = ErrorLog.KeptSince(clock), Limit = RecentCount },
            cancellationToken: context.CancellationToken));

        var diagnostics = new BilanDiagnostics
        {
            Name = bilan.Name,
            State = (BilanResource.Types.State)bilan.State,
            Consultant = bilan.ConsultantId is { } consultant ? ResourceName.Format(Consultants.ConsultantRecord.Collection, consultant) : "",
            Organization = bilan.OrganizationId is { } organization ? ResourceName.Format(OrganizationScope.Collection, organization) : "",
            Version = bilan.Version,
            CreateTime = ProtoConversions.ToTimestamp(bilan.CreateTime),
            UpdateTime = ProtoConversions.ToTimestamp(bilan.UpdateTime),
        };
        diagnostics.RecentEvents.AddRange(events.Select(row => row.ToProto()));
        diagnostics.RecentErrors.AddRange(errors.Select(row => row.ToProto()));
        return diagnostics;
    }
}
