using DbUp;
using DbUp.Engine.Output;
using Npgsql;

namespace Bilan.Server.Data;

/// <summary>
/// Applies the numbered scripts of Data/Migrations (embedded in this assembly) that the database has not
/// seen yet, forward only. An advisory lock lets several server instances start at once safely.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    // Any constant shared by every instance of this server; "Bilan" in ASCII.
    private const long MigrationLockKey = 0x42696C616E;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            take.Parameters.AddWithValue("key", MigrationLockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            Upgrade();
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            release.Parameters.AddWithValue("key", MigrationLockKey);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private void Upgrade()
    {
        var upgrade = DeployChanges.To
            .PostgresqlDatabase(dataSource.ConnectionString)
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogTo(new MigrationLog(logger))
            .Build()
            .PerformUpgrade();

        if (!upgrade.Successful)
        {
            throw new InvalidOperationException($"Database migration {upgrade.ErrorScript?.Name} failed.", upgrade.Error);
        }
    }

    // DbUp hands over its own composite-format strings ("{0}"), which the logger accepts positionally.
#pragma warning disable CA2254
    private sealed class MigrationLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);

        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);

        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);

        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);

        public void LogError(string format, params object[] args) => logger.LogError(format, args);

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
#pragma warning restore CA2254
