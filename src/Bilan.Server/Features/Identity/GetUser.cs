using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Identity;

public sealed partial class UsersService
{
    private const string GetSql = $"SELECT {UserRecord.Columns} FROM users WHERE id = @Id";

    public override async Task<User> GetUser(GetUserRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, UserRecord.Collection, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var record = await FindAsync(connection, null, id, forUpdate: false, context.CancellationToken);
        return record.ToProto(clock.Now());
    }

    /// <summary>The user with <paramref name="id"/>, or NOT_FOUND; locked for the transaction when <paramref name="forUpdate"/>.</summary>
    internal static async Task<UserRecord> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            forUpdate ? GetSql + " FOR UPDATE" : GetSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord()
            ?? throw new ResourceNotFoundException(ResourceName.Format(UserRecord.Collection, id), FrenchNotFound);
    }
}
