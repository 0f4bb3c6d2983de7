using Bilan.Contracts.V1;
using Bilan.Domain.Alerts;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// bilan.v1.AlertService: runs every registered <see cref="IAlertSource"/> the caller may see, on one connection, and
/// returns their alerts, overdue first then soonest due.
/// </summary>
public sealed class AlertsService(NpgsqlDataSource dataSource, TimeProvider clock, AlertPolicy policy, IEnumerable<IAlertSource> sources)
    : AlertService.AlertServiceBase
{
    public const int DefaultPageSize = 100;

    public const int MaximumPageSize = 500;

    // The beneficiaries of the returned alerts' bilans, by primary key.
    private const string BeneficiaryNamesSql = """
        SELECT b.id, be.given_name || ' ' || be.family_name AS name
        FROM bilans b
        JOIN beneficiaries be ON be.id = b.beneficiary_id
        WHERE b.id = ANY(@Ids)
        """;

    public override async Task<ListAlertsResponse> ListAlerts(ListAlertsRequest request, ServerCallContext context)
    {
        if (request.PageSize < 0)
        {
            throw new InvalidFieldsException([new FieldViolation("page_size", "NEGATIVE", "Must not be negative.", "La taille de page ne peut pas être négative.")]);
        }

        var pageSize = request.PageSize == 0 ? DefaultPageSize : Math.Min(request.PageSize, MaximumPageSize);
        var caller = context.Caller();
        var kind = caller.KindOf();
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        // Without JIT compilation: the sources look bilans up one by one, plans whose estimated cost passes PostgreSQL's
        // jit_above_cost at a few thousand bilans in progress, and compiling them costs more (about 10 ms a statement)
        // than it saves. SET LOCAL: for this transaction only, the pooled connection keeps its settings.
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SET LOCAL jit = off", cancellationToken: context.CancellationToken));
        var query = new AlertQuery(connection, caller, clock.GetUtcNow(), policy);
        var alerts = new List<AlertItem>();
        foreach (var source in sources.Where(source => source.VisibleTo.HasFlag(kind)))
        {
            alerts.AddRange(await source.ReadAsync(query, context.CancellationToken));
        }

        alerts.Sort((a, b) =>
        {
            var order = AlertTiming.Compare(a.Severity, a.Due, b.Severity, b.Due);
            return order != 0 ? order : string.CompareOrdinal(a.Subject, b.Subject);
        });
        var page = alerts.Take(pageSize).ToList();
        var names = await BeneficiaryNamesAsync(connection, page, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);

        var response = new ListAlertsResponse { TotalSize = alerts.Count };
        response.Alerts.AddRange(page.Select(alert => ToAlert(alert, names)));
        return response;
    }

    /// <summary>The display name of the beneficiary of each bilan the page's alerts are about.</summary>
    private static async Task<Dictionary<Guid, string>> BeneficiaryNamesAsync(NpgsqlConnection connection, List<AlertItem> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(alert => alert.BilanId).OfType<Guid>().Distinct().ToArray();
        if (ids.Length == 0)
        {
            return [];
        }

        var rows = await connection.QueryAsync<(Guid Id, string Name)>(new CommandDefinition(BeneficiaryNamesSql, new { Ids = ids }, cancellationToken: cancellationToken));
        return rows.ToDictionary(row => row.Id, row => row.Name);
    }

    /// <summary>One alert of the page, named and worded.</summary>
    private static Alert ToAlert(AlertItem alert, Dictionary<Guid, string> names)
    {
        var wording = alert.Word();
        return new Alert
        {
            Kind = alert.Kind,
            Severity = (Contracts.V1.AlertSeverity)alert.Severity,
            Subject = alert.Subject,
            // A bilan deleted (DeleteBilan) since its alert was read has no name left.
            DisplayName = alert.BilanId is { } bilan ? names.GetValueOrDefault(bilan, "") : alert.DisplayName ?? "",
            DueTime = alert.Due is { } due ? ProtoConversions.ToTimestamp(due) : null,
            Message = wording.English,
            FrenchMessage = wording.French,
        };
    }
}
