using Bilan.Server.Api;
using Bilan.Server.Auth;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>
/// Which beneficiaries a caller may see: staff all of them but consultants, who see those of their bilans;
/// an API client those of its organisation — any other is NOT_FOUND to it, as if it did not exist.
/// </summary>
internal static class BeneficiaryAccess
{
    private const string HasBilanWithSql =
        "SELECT EXISTS (SELECT 1 FROM bilans WHERE beneficiary_id = @BeneficiaryId AND consultant_id = @ConsultantId)";

    public static async Task EnsureVisibleAsync(
        Caller caller, BeneficiaryRecord beneficiary, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (caller.IsApiClient && beneficiary.OrganizationId != caller.OrganizationId)
        {
            throw new ResourceNotFoundException(beneficiary.Name, BeneficiariesService.FrenchNotFound);
        }

        if (caller.ConsultantId is { } consultant && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                HasBilanWithSql, new { BeneficiaryId = beneficiary.Id, ConsultantId = consultant }, transaction, cancellationToken: cancellationToken)))
        {
            throw new PermissionDeniedException("NOT_YOUR_BENEFICIARY",
                "This beneficiary has no bilan assigned to you.",
                "Ce bénéficiaire n'a aucun bilan qui vous est confié.");
        }
    }

    /// <summary>Narrows a list of beneficiaries (table alias-free) to what the caller may see.</summary>
    public static void Scope(Caller caller, SqlConditions conditions)
    {
        if (caller.IsApiClient)
        {
            conditions.Add("organization_id = @ScopeOrganization", ("ScopeOrganization", caller.OrganizationId!.Value));
        }
        else if (caller.ConsultantId is { } consultant)
        {
            conditions.Add("EXISTS (SELECT 1 FROM bilans sb WHERE sb.beneficiary_id = beneficiaries.id AND sb.consultant_id = @ScopeConsultant)",
                ("ScopeConsultant", consultant));
        }
    }
}
