using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Organizations;

/// <summary>
/// The field rules of an organization, checked on create and on every update. That no two organizations share
/// a SIRET is not checked here: the database's unique constraint decides it, race-free.
/// </summary>
public static class OrganizationRules
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>Every violation of <paramref name="details"/>, with paths relative to the organization.</summary>
    public static IReadOnlyList<FieldViolation> Validate(OrganizationDetails details)
    {
        var checks = new FieldChecks();
        checks.RequireText("display_name", details.DisplayName, MaxDisplayNameLength, "Le nom de l'organisation");
        if (details.Siret is { } siret && !Siret.IsValid(siret))
        {
            checks.Add("siret", "INVALID_FORMAT", "Not a SIRET number: 14 digits with a valid checksum.",
                "Le numéro SIRET n'est pas valide : 14 chiffres avec une clé de contrôle correcte.");
        }

        return checks.Violations;
    }
}
