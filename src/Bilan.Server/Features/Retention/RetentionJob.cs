using Bilan.Domain;
using Bilan.Domain.Bilans;
using Bilan.Domain.Retention;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Retention;

/// <summary>
/// Ends the retentions of R6313-7: when the server starts, then once an hour, destroys the documents kept after a
/// bilan whose <c>retain_until</c> has come (by today's date in Paris), deletes their retained_documents row and
/// writes a RETAINED_DOCUMENTS_DESTROYED event with no content. Every instance runs it; each bilan is handled in
/// its own transaction with its row locked: another instance (or a test's pass) waits, then finds the row gone, so a
/// bilan is never handled twice.
/// A failed pass is logged and tried again at the next hour.
/// </summary>
public sealed partial class RetentionJob(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private const string NextDueSql = """
        SELECT r.bilan_id AS BilanId, b.state AS State
        FROM retained_documents r JOIN bilans b ON b.id = r.bilan_id
        WHERE r.retain_until <= @Today
        ORDER BY r.retain_until, r.bilan_id
        LIMIT 1
        FOR UPDATE OF r
        """;

    private const string DeleteRetainedSql = "DELETE FROM retained_documents WHERE bilan_id = @BilanId";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await RunLoggedAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    /// <summary>One pass: destroys every retention that is over today (Paris date); returns how many bilans it handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var today = FrenchCalendar.DateOf(clock.GetUtcNow());
        var handled = 0;
        while (await DestroyNextDueAsync(today, cancellationToken))
        {
            handled++;
        }

        return handled;
    }

    private async Task<bool> DestroyNextDueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await connection.QuerySingleOrDefaultAsync<DueRow>(new CommandDefinition(
            NextDueSql, new { Today = today }, transaction, cancellationToken: cancellationToken));
        if (due is null)
        {
            return false;
        }

        var now = clock.Now();
        await Retention.DestroyAsync(connection, transaction, due.BilanId, BilanDocuments.All, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DeleteRetainedSql, new { due.BilanId }, transaction, cancellationToken: cancellationToken));
        var state = (BilanState)due.State;
        await EventLog.AppendAsync(connection, transaction, due.BilanId, BilanEventType.RetainedDocumentsDestroyed, Retention.SystemActor, now,
            state, state, new Dictionary<string, string> { ["destroyed"] = RetentionRules.Names(BilanDocuments.All) }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task RunLoggedAsync(CancellationToken stoppingToken)
    {
        try
        {
            LogDestroyed(await RunOnceAsync(stoppingToken));
        }
#pragma warning disable CA1031 // Whatever fails here must not stop the server: logged, tried again in an hour.
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(exception);
        }
    }

    private sealed record DueRow(Guid BilanId, short State);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Retention: the kept documents of {Count} bilans reached the end of their retention and were destroyed")]
    private partial void LogDestroyed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed; it will be tried again in an hour")]
    private partial void LogFailed(Exception exception);
}
