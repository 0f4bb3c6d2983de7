using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Bilan.BackOffice.Pages.Beneficiaires;

/// <summary>What the beneficiary form holds, exactly as typed, so that a refused form comes back unchanged.</summary>
public sealed class BeneficiaryInput
{
    public string? Prenom { get; set; }

    public string? Nom { get; set; }

    public string? Email { get; set; }

    public string? Telephone { get; set; }

    public PublicCategory Categorie { get; set; }

    public string? EmployeurSiret { get; set; }

    public string? EmployeurNom { get; set; }

    /// <summary>The situation periods, one row each; a blank row is ignored.</summary>
    public IList<SituationInput> Situations { get; set; } = [];
}

/// <summary>One situation period row of the form.</summary>
public sealed class SituationInput
{
    public SituationKind Type { get; set; }

    public DateOnly? Debut { get; set; }

    public DateOnly? Fin { get; set; }

    public bool AccordMedecin { get; set; }

    /// <summary>A row left empty, as the form's spare row is: not sent.</summary>
    public bool IsBlank => Type == SituationKind.Unspecified && Debut is null && Fin is null && !AccordMedecin;
}

/// <summary>Between the form and the API's <see cref="Beneficiary"/>, and from the API's field paths to the form's fields.</summary>
public static class BeneficiaryForm
{
    /// <summary>The prefix of the form's fields in the page (its bound property).</summary>
    public const string Prefix = "Saisie";

    /// <summary>The fields an update replaces: all the form shows.</summary>
    public static readonly IReadOnlyList<string> UpdatePaths =
        ["given_name", "family_name", "email", "phone", "public_category", "employer", "situations"];

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["beneficiary.given_name"] = nameof(BeneficiaryInput.Prenom),
        ["beneficiary.family_name"] = nameof(BeneficiaryInput.Nom),
        ["beneficiary.email"] = nameof(BeneficiaryInput.Email),
        ["beneficiary.phone"] = nameof(BeneficiaryInput.Telephone),
        ["beneficiary.public_category"] = nameof(BeneficiaryInput.Categorie),
        ["beneficiary.employer"] = "Employeur",
        ["beneficiary.employer.siret"] = nameof(BeneficiaryInput.EmployeurSiret),
        ["beneficiary.employer.display_name"] = nameof(BeneficiaryInput.EmployeurNom),
        ["beneficiary.situations"] = nameof(BeneficiaryInput.Situations),
    };

    private static readonly Dictionary<string, string> SituationFields = new(StringComparer.Ordinal)
    {
        ["kind"] = nameof(SituationInput.Type),
        ["start_date"] = nameof(SituationInput.Debut),
        ["end_date"] = nameof(SituationInput.Fin),
        ["doctor_agreement"] = nameof(SituationInput.AccordMedecin),
    };

    /// <summary>The form filled from a beneficiary of the API, plus one spare situation row.</summary>
    public static BeneficiaryInput From(Beneficiary beneficiary)
    {
        ArgumentNullException.ThrowIfNull(beneficiary);
        var input = new BeneficiaryInput
        {
            Prenom = beneficiary.GivenName,
            Nom = beneficiary.FamilyName,
            Email = beneficiary.Email,
            Telephone = beneficiary.Phone,
            Categorie = beneficiary.PublicCategory,
            EmployeurSiret = beneficiary.Employer?.Siret,
            EmployeurNom = beneficiary.Employer?.DisplayName,
            Situations = [.. beneficiary.Situations.Select(period => new SituationInput
            {
                Type = period.Kind,
                Debut = CalendarDates.ToDateOnly(period.StartDate),
                Fin = CalendarDates.ToDateOnly(period.EndDate),
                AccordMedecin = period.DoctorAgreement,
            })],
        };
        input.Situations.Add(new SituationInput());
        return input;
    }

    /// <summary>
    /// The beneficiary the form asks for, and for each situation sent the index of its row in the form (blank
    /// rows are not sent, so the API's <c>situations[i]</c> may be another row of the form).
    /// </summary>
    public static (Beneficiary Beneficiary, IReadOnlyList<int> RowOfSituation) ToProto(BeneficiaryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var beneficiary = new Beneficiary
        {
            GivenName = Clean(input.Prenom),
            FamilyName = Clean(input.Nom),
            Email = Clean(input.Email),
            Phone = Clean(input.Telephone),
            PublicCategory = input.Categorie,
        };

        // The API owns the rule (an employer for employees and public agents only): what was typed is sent as is.
        if (!string.IsNullOrWhiteSpace(input.EmployeurSiret) || !string.IsNullOrWhiteSpace(input.EmployeurNom))
        {
            beneficiary.Employer = new Employer
            {
                Siret = Clean(input.EmployeurSiret).Replace(" ", string.Empty, StringComparison.Ordinal),
                DisplayName = Clean(input.EmployeurNom),
            };
        }

        var rows = new List<int>();
        for (var row = 0; row < input.Situations.Count; row++)
        {
            var situation = input.Situations[row];
            if (situation.IsBlank)
            {
                continue;
            }

            rows.Add(row);
            beneficiary.Situations.Add(new SituationPeriod
            {
                Kind = situation.Type,
                StartDate = CalendarDates.ToProto(situation.Debut),
                EndDate = CalendarDates.ToProto(situation.Fin),
                DoctorAgreement = situation.AccordMedecin,
            });
        }

        return (beneficiary, rows);
    }

    /// <summary>The API's field paths (<c>beneficiary.situations[1].start_date</c>) mapped to the page's fields (<c>Saisie.Situations[3].Debut</c>).</summary>
    public static IReadOnlyDictionary<string, string> FieldNames(IReadOnlyList<int> rowOfSituation)
    {
        ArgumentNullException.ThrowIfNull(rowOfSituation);
        var names = Fields.ToDictionary(pair => pair.Key, pair => $"{Prefix}.{pair.Value}", StringComparer.Ordinal);
        for (var sent = 0; sent < rowOfSituation.Count; sent++)
        {
            var row = $"{Prefix}.{nameof(BeneficiaryInput.Situations)}[{rowOfSituation[sent]}]";
            names[$"beneficiary.situations[{sent}]"] = row;
            foreach (var (path, property) in SituationFields)
            {
                names[$"beneficiary.situations[{sent}].{path}"] = $"{row}.{property}";
            }
        }

        return names;
    }

    /// <summary>A field mask naming every field of the form.</summary>
    public static FieldMask UpdateMask()
    {
        var mask = new FieldMask();
        mask.Paths.AddRange(UpdatePaths);
        return mask;
    }

    private static string Clean(string? value) => value?.Trim() ?? string.Empty;
}
