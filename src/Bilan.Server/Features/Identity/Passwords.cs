using Bilan.Server.Auth;
using Microsoft.AspNetCore.Identity;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// Password hashes with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>: salted PBKDF2 (HMAC-SHA512,
/// 100,000 iterations in its current format), with the format marked in the hash so that old hashes can be
/// upgraded at the next login.
/// </summary>
internal static class Passwords
{
    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    private static readonly StaffAccount Account = new();

    /// <summary>The hash of a random password, checked when there is no user to check against.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hasher.HashPassword(Account, SecretTokens.New("decoy_")));

    public static string Hash(string password) => Hasher.HashPassword(Account, password);

    public static PasswordVerificationResult Verify(string hash, string password) => Hasher.VerifyHashedPassword(Account, hash, password);

    /// <summary>
    /// Does the work of a password check that cannot succeed, so that a login with an unknown e-mail address takes
    /// as long as one with a wrong password, and the answer time does not tell which addresses exist.
    /// </summary>
    public static void VerifyDecoy(string password) => Hasher.VerifyHashedPassword(Account, Decoy.Value, password);

    /// <summary>The hasher's user type: the hash depends on the password and its salt only.</summary>
    private sealed class StaffAccount;
}
