using System.ComponentModel.DataAnnotations;

namespace Bilan.BackOffice.Pages.Administration.Organisations;

/// <summary>The fields of the organisation forms (create and edit).</summary>
public sealed class OrganizationInput
{
    /// <summary>The API field paths mapped to these fields.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["organization.display_name"] = "Saisie.NomAffiche",
        ["organization.siret"] = "Saisie.Siret",
    };

    /// <summary>The name staff know the organisation by.</summary>
    [Required(ErrorMessage = "Saisissez le nom de l’organisation.")]
    [Display(Name = "Nom")]
    public string? NomAffiche { get; set; }

    /// <summary>The SIRET number (14 digits), optional.</summary>
    [Display(Name = "SIRET (facultatif)")]
    public string? Siret { get; set; }

    /// <summary>The organisation's etag when the form was shown (edit only).</summary>
    public string? Etag { get; set; }

    /// <summary>The request_id of this form.</summary>
    public string? RequestId { get; set; }

    /// <summary>The SIRET as the API takes it: spaces removed (people type it in groups).</summary>
    public string SiretForApi => (Siret ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
}
