using Npgsql;

namespace Bilan.BackOffice.BrowserTests.TestSupport;

/// <summary>
/// A database of its own on the PostgreSQL cluster named by <c>BILAN_TEST_POSTGRES</c> (scripts/test starts a
/// throwaway cluster and sets it), created empty and dropped at the end; the server migrates and seeds it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The environment variable holding a superuser connection string to the test cluster.</summary>
    public const string ClusterVariable = "BILAN_TEST_POSTGRES";

    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>The connection string the server is given.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates an empty database with a unique name.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(ClusterVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{ClusterVariable} is not set: run the tests with scripts/test, which starts a PostgreSQL cluster, " +
                $"or set {ClusterVariable} to a superuser connection string (Host=...;Port=...;Username=postgres).");
        }

        var database = new TestDatabase(admin, $"bilan_browser_{Guid.NewGuid():N}");
        await database.ExecuteOnClusterAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnClusterAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private async Task ExecuteOnClusterAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
