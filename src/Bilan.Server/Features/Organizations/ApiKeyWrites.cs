using Bilan.Server.Api;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Organizations;

/// <summary>The statements that write an API key. The secret never reaches them: only its hash does.</summary>
internal static class ApiKeyWrites
{
    private const string InsertSql = """
        INSERT INTO api_keys (id, organization_id, display_name, key_prefix, key_hash, create_time, last_used_time, revoke_time, version)
        VALUES (@Id, @OrganizationId, @DisplayName, @KeyPrefix, @KeyHash, @CreateTime, NULL, NULL, @Version)
        """;

    private const string RevokeSql = """
        UPDATE api_keys
        SET revoke_time = @RevokeTime, version = @Version
        WHERE id = @Id AND version = @ExpectedVersion AND revoke_time IS NULL
        """;

    /// <summary>Inserts a new key, <paramref name="record"/>, whose secret hashes to <paramref name="keyHash"/>.</summary>
    public static Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ApiKeyRecord record, byte[] keyHash, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            record.Id,
            record.OrganizationId,
            record.DisplayName,
            record.KeyPrefix,
            KeyHash = keyHash,
            record.CreateTime,
            record.Version,
        }, transaction, cancellationToken: cancellationToken));

    /// <summary>Writes the revocation of <paramref name="revoked"/> over the active row still at <paramref name="expectedVersion"/>, or ABORTED.</summary>
    public static async Task RevokeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ApiKeyRecord revoked, int expectedVersion, CancellationToken cancellationToken)
    {
        var updated = await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new
        {
            revoked.Id,
            revoked.RevokeTime,
            revoked.Version,
            ExpectedVersion = expectedVersion,
        }, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw new StaleEtagException(revoked.Name);
        }
    }
}
