namespace Bilan.Domain.Identity;

/// <summary>
/// How staff log in and how long their sessions last: figures the provider may set (configuration section
/// <c>Bilan:Identity</c>), in one place. The defaults follow common practice for a back-office holding
/// personal data (ANSSI's recommendations on passwords and sessions).
/// </summary>
public sealed record IdentityPolicy
{
    /// <summary>The shortest password accepted, in characters (default 12); it must not be only letters either.</summary>
    public int MinimumPasswordLength { get; init; } = 12;

    /// <summary>Failed logins in a row on one account that lock it (default 5).</summary>
    public int MaxFailedLogins { get; init; } = 5;

    /// <summary>How long a locked account refuses every login, even with the right password (default 15 minutes).</summary>
    public int LockoutMinutes { get; init; } = 15;

    /// <summary>A session without any call for this long ends (default 30 minutes).</summary>
    public int SessionIdleMinutes { get; init; } = 30;

    /// <summary>A session ends this long after its login, however active (default 12 hours).</summary>
    public int SessionAbsoluteHours { get; init; } = 12;

    public TimeSpan Lockout => TimeSpan.FromMinutes(LockoutMinutes);

    public TimeSpan SessionIdleTimeout => TimeSpan.FromMinutes(SessionIdleMinutes);

    public TimeSpan SessionLifetime => TimeSpan.FromHours(SessionAbsoluteHours);

    /// <summary>
    /// Whether a session last used at <paramref name="lastSeen"/>, which ends at the latest at
    /// <paramref name="expireTime"/>, is still open at <paramref name="now"/>: before its absolute expiry, and
    /// used no longer than <see cref="SessionIdleTimeout"/> ago.
    /// </summary>
    public bool IsSessionOpen(DateTimeOffset lastSeen, DateTimeOffset expireTime, DateTimeOffset now) =>
        now < expireTime && now - lastSeen <= SessionIdleTimeout;
}
