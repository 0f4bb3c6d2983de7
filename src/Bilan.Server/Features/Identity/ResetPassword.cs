using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Identity;
using Bilan.Server.Api;
using Grpc.Core;

namespace Bilan.Server.Features.Identity;

public sealed partial class UsersService
{
    public override Task<User> ResetPassword(ResetPasswordRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        if (!ResourceName.TryParseId(request.Name, UserRecord.Collection, out _))
        {
            checks.AddRange([ResourceName.Violation(request.Name, UserRecord.Collection, "name")]);
        }

        UserRules.CheckPassword(checks, "new_password", request.NewPassword, policy);
        InvalidFieldsException.ThrowIfAny(checks.Violations);
        // Hashed before the transaction: the slow part holds no lock.
        var passwordHash = Passwords.Hash(request.NewPassword);
        // The request log fingerprints the request without its password (see CreateUser).
        var fingerprint = request.Clone();
        fingerprint.NewPassword = "";
        return ChangeAsync(nameof(ResetPassword), request.Name, request.Etag, request.RequestId, fingerprint, context, async (connection, transaction, current, now) =>
        {
            var updated = current with { LockedUntil = null, Version = current.Version + 1, UpdateTime = now };
            await UserWrites.SetPasswordAsync(connection, transaction, updated, passwordHash, current.Version, context.CancellationToken);
            // Whoever knew the old password is logged out.
            await SessionStore.EndAllAsync(connection, transaction, current.Id, context.CancellationToken);
            return updated;
        });
    }
}
