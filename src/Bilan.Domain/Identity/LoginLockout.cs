namespace Bilan.Domain.Identity;

/// <summary>
/// Failed logins in a row and the lock they lead to. A lock tells whoever tries that the account exists: all
/// lockouts do, and the protection against password guessing is worth it.
/// </summary>
public static class LoginLockout
{
    /// <summary>Whether an account locked until <paramref name="lockedUntil"/> (null: never locked) is locked at <paramref name="now"/>.</summary>
    public static bool IsLocked(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil is { } until && until > now;

    /// <summary>
    /// The failed-login count and lock after one more failure: the failure that reaches
    /// <see cref="IdentityPolicy.MaxFailedLogins"/> locks the account for <see cref="IdentityPolicy.Lockout"/> and
    /// starts the count again, so that after the lock the same number of failures is needed to lock it again.
    /// A lock that has ended is cleared.
    /// </summary>
    public static (int FailedLogins, DateTimeOffset? LockedUntil) AfterFailure(int failedLogins, DateTimeOffset now, IdentityPolicy policy)
    {
        var failures = failedLogins + 1;
        return failures >= policy.MaxFailedLogins ? (0, now + policy.Lockout) : (failures, null);
    }
}
