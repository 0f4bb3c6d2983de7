using System.ComponentModel.DataAnnotations;

namespace Bilan.BackOffice.Pages.Administration.Consultants;

/// <summary>The fields of the consultant forms (create and edit).</summary>
public sealed class ConsultantInput
{
    /// <summary>The API field paths mapped to these fields.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["consultant.display_name"] = "Saisie.NomAffiche",
        ["consultant.email"] = "Saisie.Email",
    };

    /// <summary>The name staff and beneficiaries know the consultant by.</summary>
    [Required(ErrorMessage = "Saisissez le nom du consultant.")]
    [Display(Name = "Nom")]
    public string? NomAffiche { get; set; }

    /// <summary>The professional e-mail address.</summary>
    [Required(ErrorMessage = "Saisissez l’adresse e-mail du consultant.")]
    [Display(Name = "Adresse e-mail")]
    public string? Email { get; set; }

    /// <summary>Whether the consultant works for the provider (edit only).</summary>
    [Display(Name = "Actif (peut recevoir des bilans)")]
    public bool Actif { get; set; } = true;

    /// <summary>The consultant's etag when the form was shown (edit only).</summary>
    public string? Etag { get; set; }

    /// <summary>The request_id of this form.</summary>
    public string? RequestId { get; set; }
}
