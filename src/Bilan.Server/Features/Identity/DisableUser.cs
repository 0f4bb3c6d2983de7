using Bilan.Contracts.V1;
using Bilan.Domain.Identity;
using Bilan.Server.Auth;
using Grpc.Core;

namespace Bilan.Server.Features.Identity;

public sealed partial class UsersService
{
    public override Task<User> DisableUser(DisableUserRequest request, ServerCallContext context) =>
        ChangeAsync(nameof(DisableUser), request.Name, request.Etag, request.RequestId, request, context, async (connection, transaction, current, now) =>
        {
            UserRules.EnsureCanDisable(current.Disabled, isSelf: context.Caller().UserId == current.Id);
            var updated = current with { Disabled = true, Version = current.Version + 1, UpdateTime = now };
            await UserWrites.SetDisabledAsync(connection, transaction, updated, current.Version, context.CancellationToken);
            // In the same transaction: once this answers, no token of the user opens a call any more.
            await SessionStore.EndAllAsync(connection, transaction, current.Id, context.CancellationToken);
            return updated;
        });
}
