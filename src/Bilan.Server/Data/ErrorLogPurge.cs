namespace Bilan.Server.Data;

/// <summary>
/// Deletes error records older than <see cref="ErrorLog.Retention"/> when the server starts, then once an hour.
/// Every instance does it; the delete is idempotent, so several instances purging at once is harmless. A failed
/// purge is logged and tried again at the next hour: nothing else depends on it.
/// </summary>
public sealed partial class ErrorLogPurge(ErrorLog errorLog, TimeProvider clock, ILogger<ErrorLogPurge> logger) : BackgroundService
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
            var deleted = await errorLog.PurgeAsync(stoppingToken);
            LogPurged(deleted);
        }
#pragma warning disable CA1031 // Whatever fails here must not stop the server: logged, tried again in an hour.
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogPurgeFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Error log purge: {Deleted} records older than 30 days deleted")]
    private partial void LogPurged(int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Error log purge failed; it will be tried again in an hour")]
    private partial void LogPurgeFailed(Exception exception);
}
