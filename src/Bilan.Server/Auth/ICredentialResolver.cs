namespace Bilan.Server.Auth;

/// <summary>
/// Turns a bearer credential into a <see cref="Caller"/>: one resolver per kind of credential (staff session
/// tokens, API keys), each recognising its own by prefix.
/// </summary>
public interface ICredentialResolver
{
    /// <summary>Whether <paramref name="credential"/> is of this resolver's kind (its prefix).</summary>
    bool Recognises(string credential);

    /// <summary>
    /// The caller behind a credential of this kind, or null when it is unknown, expired, revoked or its user is
    /// disabled. Records the use (last-used time, idle expiry) as a side effect.
    /// </summary>
    Task<Caller?> ResolveAsync(string credential, CancellationToken cancellationToken);
}
