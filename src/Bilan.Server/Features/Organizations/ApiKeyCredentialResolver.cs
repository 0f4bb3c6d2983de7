using Bilan.Server.Auth;
using Bilan.Server.Data;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Organizations;

/// <summary>
/// Resolves an API key (<c>bk_...</c>) into the <see cref="Caller"/> of its organization. The key is looked up by
/// its hash on every call, with no cache, so that a revocation holds from its commit on. The use is recorded in
/// <c>last_used_time</c> at most once per <see cref="UseRecordingInterval"/> and key, in the same statement as
/// the lookup: a busy integration costs one write a minute, not one per call, and concurrent calls do not
/// all write. Neither the secret nor its hash is ever logged.
/// </summary>
public sealed partial class ApiKeyCredentialResolver(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<ApiKeyCredentialResolver> logger)
    : ICredentialResolver
{
    /// <summary>How stale <c>last_used_time</c> may get while a key is in use.</summary>
    public static readonly TimeSpan UseRecordingInterval = TimeSpan.FromMinutes(1);

    // The lookup reads the key as of the statement's start; the update re-checks its own conditions on the
    // latest row version, so that two calls in the same minute write once, and a revoked key never.
    private const string ResolveSql = """
        WITH found AS (
            SELECT id, organization_id, revoke_time FROM api_keys WHERE key_hash = @KeyHash
        ), used AS (
            UPDATE api_keys k SET last_used_time = @Now
            FROM found
            WHERE k.id = found.id AND k.revoke_time IS NULL
              AND (k.last_used_time IS NULL OR k.last_used_time <= @RecordedBefore)
        )
        SELECT id, organization_id AS OrganizationId, revoke_time AS RevokeTime FROM found
        """;

    public bool Recognises(string credential) => credential.StartsWith(ApiKeySecrets.Prefix, StringComparison.Ordinal);

    public async Task<Caller?> ResolveAsync(string credential, CancellationToken cancellationToken)
    {
        if (!Recognises(credential))
        {
            return null;
        }

        var now = clock.Now();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var key = await connection.QuerySingleOrDefaultAsync<ResolvedKey>(new CommandDefinition(
            ResolveSql,
            new { KeyHash = SecretTokens.Hash(credential), Now = now, RecordedBefore = now - UseRecordingInterval },
            cancellationToken: cancellationToken));
        if (key is null)
        {
            return null;
        }

        if (key.RevokeTime is not null)
        {
            LogRevokedKeyUsed(ApiKeyRecord.Format(key.OrganizationId, key.Id));
            return null;
        }

        return Caller.ApiClient(key.OrganizationId, key.Id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A call came with the revoked API key {ApiKey}: refused")]
    private partial void LogRevokedKeyUsed(string apiKey);

    private sealed record ResolvedKey(Guid Id, Guid OrganizationId, DateTime? RevokeTime);
}
