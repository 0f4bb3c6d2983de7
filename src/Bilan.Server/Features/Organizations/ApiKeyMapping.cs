using Bilan.Server.Api;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Organizations;

/// <summary>From a stored key to the proto <see cref="Proto.ApiKey"/>, which has no field for a secret.</summary>
internal static class ApiKeyMapping
{
    public static Proto.ApiKey ToProto(this ApiKeyRecord record) => new()
    {
        Name = record.Name,
        DisplayName = record.DisplayName,
        KeyPrefix = record.KeyPrefix,
        CreateTime = ProtoConversions.ToTimestamp(record.CreateTime),
        LastUsedTime = record.LastUsedTime is { } used ? ProtoConversions.ToTimestamp(used) : null,
        RevokeTime = record.RevokeTime is { } revoked ? ProtoConversions.ToTimestamp(revoked) : null,
        Etag = Etag.Of(record.Version),
    };
}
