using System.Diagnostics;
using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Support;

public sealed partial class SupportDiagnosticsService
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    // DbUp's journal: one row per applied script, in the order applied.
    private const string MigrationsSql = """
        SELECT current_setting('server_version') AS server_version,
               (SELECT count(*) FROM schemaversions)::int AS applied_count,
               (SELECT scriptname FROM schemaversions ORDER BY schemaversionsid DESC LIMIT 1) AS last_script
        """;

    public override async Task<ServerStatus> GetServerStatus(GetServerStatusRequest request, ServerCallContext context)
    {
        var status = new ServerStatus
        {
            Version = ServerInstance.Version,
            StartTime = ProtoConversions.ToTimestamp(ServerInstance.StartTime),
            Instance = ServerInstance.Name,
            Database = new DatabaseStatus { Reachable = false },
            Migrations = new MigrationLevel(),
        };

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(DatabaseTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            var row = await connection.QuerySingleAsync<DatabaseRow>(new CommandDefinition(MigrationsSql, cancellationToken: timeout.Token));
            status.Database = new DatabaseStatus
            {
                Reachable = true,
                ServerVersion = row.ServerVersion,
                RoundTripMilliseconds = watch.Elapsed.TotalMilliseconds,
            };
            status.Migrations = new MigrationLevel { LastScript = row.LastScript ?? "", AppliedCount = row.AppliedCount };
        }
        catch (Exception exception) when (
            exception is NpgsqlException or TimeoutException || (exception is OperationCanceledException && !context.CancellationToken.IsCancellationRequested))
        {
            // Unreachable or too slow: said in the answer, which is what this call is for.
        }

        return status;
    }

    private sealed record DatabaseRow(string ServerVersion, int AppliedCount, string? LastScript);
}
