using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Consultants;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Identity;

public sealed partial class UsersService
{
    private const string ConsultantExistsSql = "SELECT EXISTS (SELECT 1 FROM consultants WHERE id = @Id)";

    public override Task<User> CreateUser(CreateUserRequest request, ServerCallContext context)
    {
        var user = UserMapping.ToNewUser(request.User, request.Password, "password", policy);
        // Hashed before the transaction: the slow part holds no lock.
        var passwordHash = Passwords.Hash(request.Password);
        return requests.ExecuteAsync(nameof(CreateUser), request.RequestId, WithoutPassword(request), async (connection, transaction) =>
        {
            if (user.ConsultantId is { } consultantId)
            {
                await EnsureConsultantExistsAsync(connection, transaction, consultantId, context.CancellationToken);
            }

            var now = clock.Now();
            var record = new UserRecord(
                Guid.CreateVersion7(now), user.Email, user.DisplayName, user.Role, user.ConsultantId, Disabled: false, LockedUntil: null, Version: 1, now, now);
            await UserWrites.InsertAsync(connection, transaction, record, passwordHash, context.CancellationToken);
            return record.ToProto(now);
        }, context.CancellationToken);
    }

    /// <summary>
    /// What the request log fingerprints: the request without its password, since a fast hash of a request whose
    /// other fields are known would let anyone holding the log test passwords at full speed.
    /// </summary>
    private static CreateUserRequest WithoutPassword(CreateUserRequest request)
    {
        var fingerprint = request.Clone();
        fingerprint.Password = "";
        return fingerprint;
    }

    /// <summary>NOT_FOUND unless the consultant exists (consultants are never deleted, so the answer holds).</summary>
    private static async Task EnsureConsultantExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ConsultantExistsSql, new { Id = id }, transaction, cancellationToken: cancellationToken)))
        {
            throw new ResourceNotFoundException(ResourceName.Format(ConsultantRecord.Collection, id), "Ce consultant n'existe pas.");
        }
    }
}
