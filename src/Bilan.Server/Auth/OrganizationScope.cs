using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Dapper;
using Npgsql;

namespace Bilan.Server.Auth;

/// <summary>
/// Which organisation a new beneficiary belongs to: an API client's own, always; the one staff name, if any.
/// </summary>
public static class OrganizationScope
{
    public const string Collection = "organizations";

    /// <summary>The organisation named in <paramref name="requested"/> (staff) or the caller's (API client).</summary>
    public static async Task<Guid?> ResolveAsync(
        Caller caller, string requested, string field, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (caller.IsApiClient)
        {
            return caller.OrganizationId;
        }

        if (requested.Length == 0)
        {
            return null;
        }

        var id = ResourceName.ParseId(requested, Collection, field);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = @Id)", new { Id = id }, transaction, cancellationToken: cancellationToken));
        return exists ? id : throw new ResourceNotFoundException(requested, "Cette organisation n'existe pas.");
    }

    /// <summary>Refuses an API client's attempt to move a beneficiary out of its organisation.</summary>
    public static void EnsureMayChange(Caller caller, IReadOnlySet<string> paths)
    {
        if (caller.IsApiClient && paths.Contains("organization"))
        {
            throw new InvalidFieldsException([new FieldViolation("update_mask", "FIELD_NOT_UPDATABLE",
                "An API client cannot change the organisation of a beneficiary.",
                "Un logiciel RH ne peut pas changer l'organisation d'un bénéficiaire.")]);
        }
    }
}
