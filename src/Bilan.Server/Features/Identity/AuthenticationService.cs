using Bilan.Contracts.V1;
using Bilan.Domain.Identity;
using Npgsql;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// bilan.v1.AuthService: staff logins and sessions. Login and Logout live in their own files beside this one.
/// Logs name users by id only: never a password, a token, or an e-mail address.
/// </summary>
public sealed partial class AuthenticationService(NpgsqlDataSource dataSource, TimeProvider clock, IdentityPolicy policy, ILogger<AuthenticationService> logger)
    : AuthService.AuthServiceBase
{
    /// <summary>
    /// Why a login was refused, for the log only (the caller is told less, see Login): UNKNOWN_EMAIL,
    /// USER_DISABLED, ACCOUNT_LOCKED or WRONG_PASSWORD.
    /// </summary>
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Login refused: {Reason} (user {UserId}, {FailedLogins} failed logins in a row)")]
    private partial void LogLoginRefused(string reason, string userId, int failedLogins);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "User {UserId} locked until {LockedUntil} after {FailedLogins} failed logins in a row")]
    private partial void LogLocked(string userId, DateTimeOffset lockedUntil, int failedLogins);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "User {UserId} logged in")]
    private partial void LogLoggedIn(string userId);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "User {UserId} logged out")]
    private partial void LogLoggedOut(string userId);
}
