using Bilan.Contracts.V1;
using Bilan.Domain.Identity;
using Grpc.Core;

namespace Bilan.Server.Features.Identity;

public sealed partial class UsersService
{
    public override Task<User> EnableUser(EnableUserRequest request, ServerCallContext context) =>
        ChangeAsync(nameof(EnableUser), request.Name, request.Etag, request.RequestId, request, context, async (connection, transaction, current, now) =>
        {
            UserRules.EnsureCanEnable(current.Disabled);
            var updated = current with { Disabled = false, Version = current.Version + 1, UpdateTime = now };
            await UserWrites.SetDisabledAsync(connection, transaction, updated, current.Version, context.CancellationToken);
            return updated;
        });
}
