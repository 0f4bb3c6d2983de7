using Bilan.Contracts.V1;
using Bilan.Server.Data;
using Npgsql;

namespace Bilan.Server.Features.Organizations;

/// <summary>
/// bilan.v1.OrganizationService: organizations and their API keys, for administrators (the access policy
/// enforces it). Each RPC lives in its own file beside this one, with its SQL. An API key's secret is never
/// stored, logged nor recorded for retries: see <see cref="CreateApiKey"/>.
/// </summary>
public sealed partial class OrganizationsService(
    NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock, ILogger<OrganizationsService> logger)
    : OrganizationService.OrganizationServiceBase
{
    private const string FrenchNotFound = "Cette organisation n'existe pas.";

    private const string FrenchApiKeyNotFound = "Cette clé d'API n'existe pas.";

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {ApiKey} ({DisplayName}) issued for {Organization}")]
    private partial void LogApiKeyIssued(string apiKey, string displayName, string organization);

    [LoggerMessage(Level = LogLevel.Information, Message = "API key {ApiKey} ({DisplayName}) revoked: calls made with it are now refused")]
    private partial void LogApiKeyRevoked(string apiKey, string displayName);
}
