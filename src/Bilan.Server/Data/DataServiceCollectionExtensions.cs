using Npgsql;

namespace Bilan.Server.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>One <see cref="NpgsqlDataSource"/> for the process, from <c>ConnectionStrings:Bilan</c>.</summary>
    public static IServiceCollection AddBilanData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Bilan");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "No database configured: set ConnectionStrings:Bilan (environment variable ConnectionStrings__Bilan), " +
                "or start everything with scripts/run, which starts a local PostgreSQL.");
        }

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddHttpContextAccessor();
        services.AddSingleton<IdempotentRequests>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DemoData>();
        DapperConfiguration.Apply();
        return services;
    }
}
