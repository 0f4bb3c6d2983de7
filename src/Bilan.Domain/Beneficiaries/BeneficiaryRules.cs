using System.Text.RegularExpressions;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Beneficiaries;

/// <summary>The field rules of a beneficiary, checked on create and on every update.</summary>
public static partial class BeneficiaryRules
{
    public const int MaxNameLength = 100;
    public const int MaxEmployerNameLength = 200;
    public const int MaxSituations = 50;

    /// <summary>Every violation of <paramref name="details"/>, with paths relative to the beneficiary.</summary>
    public static IReadOnlyList<FieldViolation> Validate(BeneficiaryDetails details)
    {
        var checks = new FieldChecks();
        checks.RequireText("given_name", details.GivenName, MaxNameLength, "Le prénom");
        checks.RequireText("family_name", details.FamilyName, MaxNameLength, "Le nom");
        EmailAddress.Check(checks, "email", details.Email);
        CheckPhone(checks, details.Phone);
        checks.RequireDefined("public_category", details.PublicCategory, "La catégorie de public");
        CheckEmployer(checks, details.PublicCategory, details.Employer);
        checks.AddRange(SituationRules.Validate(details.Situations));
        return checks.Violations;
    }

    private static void CheckPhone(FieldChecks checks, string phone)
    {
        if (phone.Length > 0 && (!PhonePattern().IsMatch(phone) || phone.Count(char.IsAsciiDigit) < 6))
        {
            checks.Add("phone", "INVALID_FORMAT",
                "Not a telephone number: at most 20 digits, spaces, dots or dashes, with at least 6 digits and an optional leading '+'.",
                "Le numéro de téléphone n'est pas valide : au moins 6 chiffres, au plus 20 caractères (chiffres, espaces, points, tirets, « + » en tête).");
        }
    }

    private static void CheckEmployer(FieldChecks checks, PublicCategory category, Employer? employer)
    {
        if (category == PublicCategory.Unspecified || !Enum.IsDefined(category))
        {
            return;
        }

        if (!category.IsEmployed())
        {
            if (employer is not null)
            {
                checks.Add("employer", "NOT_APPLICABLE",
                    "Only an employee or a public agent has an employer.",
                    "Seul un salarié ou un agent public a un employeur.");
            }

            return;
        }

        if (employer is null)
        {
            checks.Add("employer", "REQUIRED", "Required for an employee or a public agent.",
                "L'employeur est obligatoire pour un salarié ou un agent public.");
            return;
        }

        if (!Siret.IsValid(employer.Siret))
        {
            checks.Add("employer.siret", "INVALID_FORMAT", "Not a SIRET number: 14 digits with a valid checksum.",
                "Le numéro SIRET n'est pas valide : 14 chiffres avec une clé de contrôle correcte.");
        }

        checks.RequireText("employer.display_name", employer.DisplayName, MaxEmployerNameLength, "Le nom de l'employeur");
    }

    [GeneratedRegex(@"^\+?[0-9 .\-]{6,20}\z")]
    private static partial Regex PhonePattern();
}
