using Bilan.Domain.Errors;
using Bilan.Server.Api;

namespace Bilan.Server.Features.Organizations;

/// <summary>
/// An API key as stored: never its secret, which only its hash in <c>api_keys.key_hash</c> stands for.
/// <see cref="Version"/> changes on revocation, not on use.
/// </summary>
internal sealed record ApiKeyRecord(
    Guid Id,
    Guid OrganizationId,
    string DisplayName,
    string KeyPrefix,
    DateTimeOffset CreateTime,
    DateTimeOffset? LastUsedTime,
    DateTimeOffset? RevokeTime,
    int Version)
{
    public const string Segment = "apiKeys";

    /// <summary>The columns every read selects, in <see cref="ApiKeyRow"/>'s order; never the hash.</summary>
    public const string Columns = "id, organization_id, display_name, key_prefix, create_time, last_used_time, revoke_time, version";

    public string Name => Format(OrganizationId, Id);

    public bool IsRevoked => RevokeTime is not null;

    /// <summary><c>organizations/{organization}/apiKeys/{key}</c>: also the actor the history records for calls made with it.</summary>
    public static string Format(Guid organizationId, Guid apiKeyId) =>
        $"{ResourceName.Format(OrganizationRecord.Collection, organizationId)}/{Segment}/{apiKeyId}";

    /// <summary>Reads <c>organizations/{organization}/apiKeys/{key}</c>, or names the bad field.</summary>
    public static (Guid OrganizationId, Guid ApiKeyId) ParseName(string name, string field)
    {
        var separator = $"/{Segment}/";
        var split = name.IndexOf(separator, StringComparison.Ordinal);
        if (split > 0
            && ResourceName.TryParseId(name[..split], OrganizationRecord.Collection, out var organizationId)
            && Guid.TryParseExact(name.AsSpan(split + separator.Length), "D", out var apiKeyId)
            && Format(organizationId, apiKeyId) == name)
        {
            return (organizationId, apiKeyId);
        }

        throw new InvalidFieldsException([string.IsNullOrEmpty(name)
            ? new FieldViolation(field, "REQUIRED", "Required: organizations/{uuid}/apiKeys/{uuid}.", "Ce champ est obligatoire.")
            : new FieldViolation(field, "INVALID_RESOURCE_NAME", "Expected organizations/{uuid}/apiKeys/{uuid}.",
                "Identifiant invalide : attendu organizations/{uuid}/apiKeys/{uuid}.")]);
    }
}

/// <summary>One row of <c>api_keys</c>, without its hash.</summary>
internal sealed record ApiKeyRow(
    Guid Id,
    Guid OrganizationId,
    string DisplayName,
    string KeyPrefix,
    DateTime CreateTime,
    DateTime? LastUsedTime,
    DateTime? RevokeTime,
    int Version)
{
    public ApiKeyRecord ToRecord() => new(
        Id,
        OrganizationId,
        DisplayName,
        KeyPrefix,
        new DateTimeOffset(CreateTime, TimeSpan.Zero),
        LastUsedTime is { } used ? new DateTimeOffset(used, TimeSpan.Zero) : null,
        RevokeTime is { } revoked ? new DateTimeOffset(revoked, TimeSpan.Zero) : null,
        Version);
}
