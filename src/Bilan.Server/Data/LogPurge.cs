namespace Bilan.Server.Data;

/// <summary>
/// Deletes error records older than <see cref="ErrorLog.Retention"/> and requests older than
/// <see cref="IdempotentRequests.RetryWindow"/> when the server starts, then once an hour. Every instance does it;
/// the deletes are idempotent, so several instances purging at once is harmless. A failed purge is logged and
/// tried again at the next hour: nothing else depends on it.
/// </summary>
public sealed partial class LogPurge(ErrorLog errorLog, IdempotentRequests requests, TimeProvider clock, ILogger<LogPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            do
            {
                await PurgeOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task PurgeOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var errors = await errorLog.PurgeAsync(stoppingToken);
            var retries = await requests.PurgeAsync(stoppingToken);
            LogPurged(errors, retries);
        }
#pragma warning disable CA1031 // Whatever fails here must not stop the server: logged, tried again in an hour.
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogPurgeFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Purge: {Errors} error records and {Requests} recorded requests deleted")]
    private partial void LogPurged(int errors, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Log purge failed; it will be tried again in an hour")]
    private partial void LogPurgeFailed(Exception exception);
}
