using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Domain;
using Bilan.Domain.Errors;
using Bilan.Domain.Identity;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Dapper;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Identity;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// Login. The answer to a refused login never says whether the e-mail address exists: an unknown address, a wrong
/// password and a disabled user all get the same INVALID_CREDENTIALS, after the same work (a password hash
/// check). Only a lock says more (ACCOUNT_LOCKED, until when): it tells that the account exists, as every lockout
/// does; that is the price of stopping password guessing, and it only comes after failures on a real account.
/// </summary>
public sealed partial class AuthenticationService
{
    public const string InvalidCredentialsReason = "INVALID_CREDENTIALS";

    public const string AccountLockedReason = "ACCOUNT_LOCKED";

    // The user row is locked while the password is checked, so that concurrent attempts on one account are
    // counted one after the other and cannot overrun the failure limit.
    private const string FindSql = $"""
        SELECT {LoginRow.Columns} FROM users WHERE lower(email) COLLATE "C" = lower(@Email) COLLATE "C" FOR UPDATE
        """;

    // Logins are not changes an administrator makes: neither the version (etag) nor update_time moves.
    private const string RecordFailureSql = "UPDATE users SET failed_logins = @FailedLogins, locked_until = @LockedUntil WHERE id = @Id";

    private const string RecordSuccessSql = """
        UPDATE users SET failed_logins = 0, locked_until = NULL, password_hash = COALESCE(@UpgradedHash, password_hash) WHERE id = @Id
        """;

    public override async Task<LoginResponse> Login(LoginRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var email = request.Email.Trim();
        var checks = new FieldChecks();
        checks.RequireText("email", email, EmailAddress.MaxLength, "L'adresse e-mail");
        if (request.Password.Length == 0)
        {
            checks.Add("password", "REQUIRED", "Required.", "Le mot de passe est obligatoire.");
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var user = await connection.QuerySingleOrDefaultAsync<LoginRow>(new CommandDefinition(FindSql, new { Email = email }, transaction, cancellationToken: cancellationToken));
        var now = clock.Now();
        if (user is null || user.Disabled)
        {
            // A disabled user is answered as an unknown address (and never locked), so that neither tells it exists.
            Passwords.VerifyDecoy(request.Password);
            LogLoginRefused(user is null ? "UNKNOWN_EMAIL" : "USER_DISABLED", user is null ? "unknown" : UserName(user.Id), user?.FailedLogins ?? 0);
            throw InvalidCredentials();
        }

        var lockedUntil = user.LockedUntil is { } stored ? new DateTimeOffset(stored, TimeSpan.Zero) : (DateTimeOffset?)null;
        if (LoginLockout.IsLocked(lockedUntil, now))
        {
            // Not checked, not counted: a lock is neither lengthened nor lifted by more attempts.
            LogLoginRefused(AccountLockedReason, UserName(user.Id), user.FailedLogins);
            throw AccountLocked(lockedUntil!.Value);
        }

        var verdict = Passwords.Verify(user.PasswordHash, request.Password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var (failures, newLock) = LoginLockout.AfterFailure(user.FailedLogins, now, policy);
            await connection.ExecuteAsync(new CommandDefinition(RecordFailureSql,
                new { user.Id, FailedLogins = failures, LockedUntil = newLock }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            LogLoginRefused("WRONG_PASSWORD", UserName(user.Id), user.FailedLogins + 1);
            if (newLock is { } until)
            {
                LogLocked(UserName(user.Id), until, user.FailedLogins + 1);
            }

            throw InvalidCredentials();
        }

        // A hash in an older format is replaced by one in the current format, now that the password is known.
        var upgradedHash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Passwords.Hash(request.Password) : null;
        await connection.ExecuteAsync(new CommandDefinition(RecordSuccessSql, new { user.Id, UpgradedHash = upgradedHash }, transaction, cancellationToken: cancellationToken));
        await SessionStore.DeleteEndedAsync(connection, transaction, user.Id, now, policy, cancellationToken);
        var (token, expireTime) = await SessionStore.OpenAsync(connection, transaction, user.Id, now, policy, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogLoggedIn(UserName(user.Id));
        return new LoginResponse
        {
            Token = token,
            ExpireTime = ProtoConversions.ToTimestamp(expireTime),
            IdleTimeout = Duration.FromTimeSpan(policy.SessionIdleTimeout),
            User = (user.ToRecord() with { LockedUntil = null }).ToProto(now),
        };
    }

    private static string UserName(Guid id) => ResourceName.Format(UserRecord.Collection, id);

    private static UnauthenticatedException InvalidCredentials() => new(
        InvalidCredentialsReason,
        "Unknown e-mail or wrong password.",
        "Adresse e-mail inconnue ou mot de passe erroné.");

    private static UnauthenticatedException AccountLocked(DateTimeOffset until)
    {
        var utc = until.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
        var paris = TimeZoneInfo.ConvertTime(until, FrenchCalendar.Paris).ToString("HH' h 'mm", CultureInfo.InvariantCulture);
        return new UnauthenticatedException(
            AccountLockedReason,
            $"Too many failed logins in a row: the account is locked until {utc}. Try again then, or ask an administrator to reset the password.",
            $"Trop d'échecs de connexion : le compte est bloqué jusqu'à {paris} (heure de Paris). Réessayez ensuite, ou demandez à un administrateur de réinitialiser le mot de passe.",
            new Dictionary<string, string> { ["locked_until"] = utc });
    }
}
