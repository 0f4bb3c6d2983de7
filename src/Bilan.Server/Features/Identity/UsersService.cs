using Bilan.Contracts.V1;
using Bilan.Domain.Identity;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Google.Protobuf;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Identity;

/// <summary>
/// bilan.v1.UserService: staff users, for administrators (the access table enforces it). Each RPC lives in its own
/// file beside this one, with its SQL.
/// </summary>
public sealed partial class UsersService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock, IdentityPolicy policy)
    : UserService.UserServiceBase
{
    private const string FrenchNotFound = "Cet utilisateur n'existe pas.";

    /// <summary>
    /// The frame of DisableUser, EnableUser and ResetPassword: in one idempotent transaction, the user locked,
    /// its etag checked, then <paramref name="change"/> (which writes the new version) applied.
    /// </summary>
    private Task<User> ChangeAsync(
        string method,
        string name,
        string etag,
        string requestId,
        IMessage fingerprint,
        ServerCallContext context,
        Func<NpgsqlConnection, NpgsqlTransaction, UserRecord, DateTimeOffset, Task<UserRecord>> change)
    {
        var id = ResourceName.ParseId(name, UserRecord.Collection, "name");
        return requests.ExecuteAsync(method, requestId, fingerprint, async (connection, transaction) =>
        {
            var current = await FindAsync(connection, transaction, id, forUpdate: true, context.CancellationToken);
            Etag.EnsureCurrent(etag, current.Version, current.Name);
            var now = clock.Now();
            var updated = await change(connection, transaction, current, now);
            return updated.ToProto(now);
        }, context.CancellationToken);
    }
}
