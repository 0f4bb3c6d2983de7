using Bilan.Domain.Organizations;
using Npgsql;

namespace Bilan.Server.Features.Organizations;

/// <summary>
/// The demo organization for <c>scripts/run</c>: the hospital that employs some demo beneficiaries, with one
/// API key whose secret is handed back so that the script can print it (it is stored nowhere, as always).
/// </summary>
public static class DemoOrganizations
{
    public const string DisplayName = "Centre hospitalier de Valence";

    public const string Siret = "73282932000074";

    public const string ApiKeyDisplayName = "SIRH démo";

    /// <summary>Writes the organization and its key in <paramref name="transaction"/>; returns the organization's id and the key's secret.</summary>
    public static async Task<(Guid OrganizationId, string ApiKeySecret)> SeedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organization = new OrganizationRecord(Guid.CreateVersion7(now), new OrganizationDetails(DisplayName, Siret), 1, now, now);
        await OrganizationWrites.InsertAsync(connection, transaction, organization, cancellationToken);

        var secret = ApiKeySecrets.Issue();
        var apiKey = new ApiKeyRecord(Guid.CreateVersion7(now), organization.Id, ApiKeyDisplayName, secret.KeyPrefix, now, null, null, 1);
        await ApiKeyWrites.InsertAsync(connection, transaction, apiKey, secret.Hash, cancellationToken);
        return (organization.Id, secret.Secret);
    }
}
