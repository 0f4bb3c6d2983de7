using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Organizations;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Grpc.Core;

namespace Bilan.Server.Features.Organizations;

public sealed partial class OrganizationsService
{
    /// <summary>
    /// Issues a key. The secret must never be stored, and <see cref="IdempotentRequests"/> records the answer of
    /// the work it runs: so the work answers the <see cref="ApiKey"/> only, which is what <c>request_log</c> keeps,
    /// and the secret is added to the response here, outside, only when this very call ran the work (and its
    /// transaction committed). A retry with the same <c>request_id</c> gets the recorded key, with no secret.
    /// </summary>
    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        var organizationId = ValidateCreateApiKey(request);
        var displayName = request.ApiKey.DisplayName.Trim();

        IssuedSecret? issued = null;
        var apiKey = await requests.ExecuteAsync(nameof(CreateApiKey), request.RequestId, request, async (connection, transaction) =>
        {
            await FindAsync(connection, transaction, organizationId, forUpdate: false, context.CancellationToken);
            var now = clock.Now();
            var secret = ApiKeySecrets.Issue();
            var record = new ApiKeyRecord(Guid.CreateVersion7(now), organizationId, displayName, secret.KeyPrefix, now, null, null, Version: 1);
            await ApiKeyWrites.InsertAsync(connection, transaction, record, secret.Hash, context.CancellationToken);
            issued = secret;
            return record.ToProto();
        }, context.CancellationToken);

        if (issued is null)
        {
            // A retry answered from request_log: the key exists, its secret was shown to the first call only.
            return new CreateApiKeyResponse { ApiKey = apiKey };
        }

        LogApiKeyIssued(apiKey.Name, apiKey.DisplayName, request.Parent);
        return new CreateApiKeyResponse { ApiKey = apiKey, Secret = issued.Secret };
    }

    /// <summary>The organization's id; every bad field of the request (parent, key) is thrown at once.</summary>
    private static Guid ValidateCreateApiKey(CreateApiKeyRequest request)
    {
        var violations = new List<FieldViolation>();
        if (!ResourceName.TryParseId(request.Parent, OrganizationRecord.Collection, out var organizationId))
        {
            violations.Add(ResourceName.Violation(request.Parent, OrganizationRecord.Collection, "parent"));
        }

        if (request.ApiKey is null)
        {
            violations.Add(new FieldViolation("api_key", "REQUIRED", "Required.", "La clé d'API est obligatoire."));
        }
        else
        {
            violations.AddRange(ApiKeyRules.Validate(request.ApiKey.DisplayName.Trim()).Select(v => v.Under("api_key")));
        }

        InvalidFieldsException.ThrowIfAny(violations);
        return organizationId;
    }
}
