using Bilan.Domain.Identity;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// Staff session tokens (<c>bs_...</c>, from AuthService.Login) to callers. A session is refused when unknown
/// (never issued, logged out, or ended by DisableUser or ResetPassword), past its absolute expiry, idle for longer
/// than the policy allows, or when its user is disabled; otherwise its use is recorded, which starts the idle
/// time again.
/// </summary>
public sealed class SessionCredentialResolver(NpgsqlDataSource dataSource, TimeProvider clock, IdentityPolicy policy) : ICredentialResolver
{
    private const string FindSql = """
        SELECT s.id, s.user_id, s.last_seen_time, s.absolute_expire_time, u.role, u.consultant_id, u.disabled
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = @TokenHash
        """;

    private const string TouchSql = "UPDATE sessions SET last_seen_time = @Now WHERE id = @Id";

    private const string DeleteSql = "DELETE FROM sessions WHERE id = @Id";

    public bool Recognises(string credential) => credential.StartsWith(SessionStore.TokenPrefix, StringComparison.Ordinal);

    public async Task<Caller?> ResolveAsync(string credential, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var session = await connection.QuerySingleOrDefaultAsync<SessionRow>(new CommandDefinition(
            FindSql, new { TokenHash = SecretTokens.Hash(credential) }, cancellationToken: cancellationToken));
        if (session is null)
        {
            return null;
        }

        var now = clock.Now();
        var open = policy.IsSessionOpen(
            new DateTimeOffset(session.LastSeenTime, TimeSpan.Zero), new DateTimeOffset(session.AbsoluteExpireTime, TimeSpan.Zero), now);
        if (session.Disabled || !open)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { session.Id }, cancellationToken: cancellationToken));
            return null;
        }

        // A logout, DisableUser or ResetPassword that commits between the two statements leaves nothing to touch.
        if (await connection.ExecuteAsync(new CommandDefinition(TouchSql, new { session.Id, Now = now }, cancellationToken: cancellationToken)) == 0)
        {
            return null;
        }

        return Caller.User(session.UserId, (StaffRole)session.Role, session.ConsultantId);
    }

    private sealed record SessionRow(
        Guid Id, Guid UserId, DateTime LastSeenTime, DateTime AbsoluteExpireTime, short Role, Guid? ConsultantId, bool Disabled);
}
