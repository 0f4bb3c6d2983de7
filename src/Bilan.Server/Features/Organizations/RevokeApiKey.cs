using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Organizations;

public sealed partial class OrganizationsService
{
    private const string GetApiKeySql = $"SELECT {ApiKeyRecord.Columns} FROM api_keys WHERE id = @Id AND organization_id = @OrganizationId";

    /// <summary>
    /// Revokes a key. The key's row is locked, so that a concurrent revocation waits and then finds the key
    /// revoked; the credential resolver reads <c>revoke_time</c> on every call, so the revocation holds from
    /// the commit on. A key already revoked is answered unchanged, whatever the etag: what was asked is done.
    /// </summary>
    public override async Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        var (organizationId, apiKeyId) = ApiKeyRecord.ParseName(request.Name, "name");
        ApiKeyRecord? revokedNow = null;
        var answer = await requests.ExecuteAsync(nameof(RevokeApiKey), request.RequestId, request, async (connection, transaction) =>
        {
            var current = await FindApiKeyAsync(connection, transaction, organizationId, apiKeyId, forUpdate: true, context.CancellationToken);
            if (current.IsRevoked)
            {
                return current.ToProto();
            }

            Etag.EnsureCurrent(request.Etag, current.Version, current.Name);
            var revoked = current with { RevokeTime = clock.Now(), Version = current.Version + 1 };
            await ApiKeyWrites.RevokeAsync(connection, transaction, revoked, current.Version, context.CancellationToken);
            revokedNow = revoked;
            return revoked.ToProto();
        }, context.CancellationToken);

        if (revokedNow is not null)
        {
            LogApiKeyRevoked(revokedNow.Name, revokedNow.DisplayName);
        }

        return answer;
    }

    /// <summary>The key <paramref name="apiKeyId"/> of organization <paramref name="organizationId"/>, or NOT_FOUND.</summary>
    private static async Task<ApiKeyRecord> FindApiKeyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organizationId, Guid apiKeyId, bool forUpdate, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(
            forUpdate ? GetApiKeySql + " FOR UPDATE" : GetApiKeySql,
            new { Id = apiKeyId, OrganizationId = organizationId },
            transaction,
            cancellationToken: cancellationToken));
        return row?.ToRecord()
            ?? throw new ResourceNotFoundException(ApiKeyRecord.Format(organizationId, apiKeyId), FrenchApiKeyNotFound);
    }
}
