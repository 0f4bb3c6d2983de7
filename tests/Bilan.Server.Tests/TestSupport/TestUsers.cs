using Bilan.Server.Auth;
using Bilan.Server.Features.Identity;
using Npgsql;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>
/// Staff accounts for tests, written straight into the test database the way the server's create-admin command
/// does (the first admin cannot be created through the API, which needs an admin).
/// </summary>
public static class TestUsers
{
    public static async Task<Guid> InsertAsync(TestDatabase database, string email, string password, string displayName, StaffRole role, Guid? consultant)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO users (id, email, display_name, role, consultant_id, password_hash, create_time, update_time)
            VALUES (@id, @email, @name, @role, @consultant, @hash, now(), now())
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("email", email);
        command.Parameters.AddWithValue("name", displayName);
        command.Parameters.AddWithValue("role", (short)role);
        command.Parameters.AddWithValue("consultant", (object?)consultant ?? DBNull.Value);
        command.Parameters.AddWithValue("hash", Passwords.Hash(password));
        await command.ExecuteNonQueryAsync();
        return id;
    }
}
