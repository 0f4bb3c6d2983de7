using Bilan.Server.Api;
using Dapper;
using Npgsql;

namespace Bilan.Server.Data;

/// <summary>
/// The <c>error_log</c> table (migration 0008): one row per answered error, shared by every server instance,
/// read by SupportService. Rows older than <see cref="Retention"/> are deleted by <see cref="LogPurge"/>.
/// </summary>
public sealed class ErrorLog(NpgsqlDataSource dataSource, TimeProvider clock) : IErrorLog
{
    /// <summary>How long errors are kept (and looked up).</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    // A correlation id is unique per request; should two instances ever produce the same one, the first row stays.
    private const string InsertSql = """
        INSERT INTO error_log (correlation_id, create_time, method, status_code, reason, actor, resource_name, instance)
        VALUES (@CorrelationId, @CreateTime, @Method, @StatusCode, @Reason, @Actor, @ResourceName, @Instance)
        ON CONFLICT (correlation_id) DO NOTHING
        """;

    private const string PurgeSql = "DELETE FROM error_log WHERE create_time < @Before";

    public async Task RecordAsync(ErrorEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            entry.CorrelationId,
            CreateTime = clock.Now(),
            entry.Method,
            StatusCode = (short)entry.StatusCode,
            entry.Reason,
            entry.Actor,
            entry.ResourceName,
            entry.Instance,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>The oldest time still kept: errors before it are purged and no longer looked up.</summary>
    public static DateTimeOffset KeptSince(TimeProvider clock) => clock.Now() - Retention;

    /// <summary>Deletes the rows older than <see cref="Retention"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            PurgeSql, new { Before = KeptSince(clock) }, cancellationToken: cancellationToken));
    }
}
