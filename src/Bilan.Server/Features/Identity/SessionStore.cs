using Bilan.Domain.Identity;
using Bilan.Server.Auth;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// The statements on <c>sessions</c>. A session token is <see cref="TokenPrefix"/> and 256 random bits; only its
/// SHA-256 is stored (<see cref="SecretTokens"/>), so the table alone opens no session.
/// </summary>
internal static class SessionStore
{
    /// <summary>What every session token starts with, so that the access check knows which resolver reads it.</summary>
    public const string TokenPrefix = "bs_";

    private const string InsertSql = """
        INSERT INTO sessions (id, token_hash, user_id, create_time, last_seen_time, absolute_expire_time)
        VALUES (@Id, @TokenHash, @UserId, @Now, @Now, @ExpireTime)
        """;

    private const string EndAllSql = "DELETE FROM sessions WHERE user_id = @UserId";

    private const string EndSql = "DELETE FROM sessions WHERE token_hash = @TokenHash RETURNING user_id";

    // Ended exactly when IdentityPolicy.IsSessionOpen says it is not open.
    private const string DeleteEndedSql = """
        DELETE FROM sessions WHERE user_id = @UserId AND (absolute_expire_time <= @Now OR last_seen_time < @IdleSince)
        """;

    /// <summary>Opens a session for <paramref name="userId"/> at <paramref name="now"/>: its token, shown once, and its absolute expiry.</summary>
    public static async Task<(string Token, DateTimeOffset ExpireTime)> OpenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, DateTimeOffset now, IdentityPolicy policy, CancellationToken cancellationToken)
    {
        var token = SecretTokens.New(TokenPrefix);
        var expireTime = now + policy.SessionLifetime;
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = Guid.CreateVersion7(now),
            TokenHash = SecretTokens.Hash(token),
            UserId = userId,
            Now = now,
            ExpireTime = expireTime,
        }, transaction, cancellationToken: cancellationToken));
        return (token, expireTime);
    }

    /// <summary>Ends every session of a user (disabled, or password reset).</summary>
    public static Task EndAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(EndAllSql, new { UserId = userId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Ends the session of <paramref name="token"/>: the user whose session it was, or null when there was none.</summary>
    public static Task<Guid?> EndAsync(NpgsqlConnection connection, string token, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(EndSql, new { TokenHash = SecretTokens.Hash(token) }, cancellationToken: cancellationToken));

    /// <summary>Deletes the sessions of a user that have ended by time (idle or expired), so that rows do not pile up.</summary>
    public static Task DeleteEndedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId, DateTimeOffset now, IdentityPolicy policy, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(DeleteEndedSql, new
        {
            UserId = userId,
            Now = now,
            IdleSince = now - policy.SessionIdleTimeout,
        }, transaction, cancellationToken: cancellationToken));
}
