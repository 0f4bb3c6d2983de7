using Npgsql;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>
/// A database of its own on the PostgreSQL cluster named by <c>BILAN_TEST_POSTGRES</c> (scripts/test starts a
/// throwaway cluster and sets it), created empty and dropped at the end. The browser tests use it too (linked
/// into their project): their server migrates and seeds it.
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

    /// <summary>Creates an empty database with a unique name starting with <paramref name="prefix"/>.</summary>
    public static async Task<TestDatabase> CreateAsync(string prefix = "bilan_test")
    {
        var admin = Environment.GetEnvironmentVariable(ClusterVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{ClusterVariable} is not set: run the tests with scripts/test, which starts a PostgreSQL cluster, " +
                $"or set {ClusterVariable} to a superuser connection string (Host=...;Port=...;Username=postgres).");
        }

        var database = new TestDatabase(admin, $"{prefix}_{Guid.NewGuid():N}");
        await database.ExecuteOnClusterAsync($"CREATE DATABASE {database.Name}");
        return database;
    }

    /// <summary>Drops the database at once, closing its connections: the server then sees it gone.</summary>
    public Task DropAsync() => ExecuteOnClusterAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await DropAsync();
    }

    /// <summary>Runs SQL on this database (to check what the API stored, or to set up volumes).</summary>
    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteOnClusterAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
