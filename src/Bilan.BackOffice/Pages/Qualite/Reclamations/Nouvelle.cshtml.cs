using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Qualite.Reclamations;

/// <summary>Records a complaint as received; the API computes its deadlines. Administrators only.</summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class NouvelleModel(QualityService.QualityServiceClient quality, TimeProvider clock, ILogger<NouvelleModel> logger) : PageModel
{
    /// <summary>The API field paths of CreateComplaint mapped to this page's properties.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["complaint.received_date"] = "Saisie.DateReception",
        ["complaint.channel"] = "Saisie.Canal",
        ["complaint.complainant"] = "Saisie.Auteur",
        ["complaint.complainant_name"] = "Saisie.NomAuteur",
        ["complaint.bilan"] = "Saisie.Bilan",
        ["complaint.subject"] = "Saisie.Objet",
        ["complaint.description"] = "Saisie.Description",
    };

    /// <summary>What the user typed; kept when the API refuses it.</summary>
    [BindProperty]
    public ComplaintInput Saisie { get; set; } = new();

    /// <summary>A one-time key for this form, so that a double submission records one complaint.</summary>
    [BindProperty]
    public string? RequestId { get; set; }

    public void OnGet()
    {
        Saisie.DateReception = QualityLabels.Today(clock);
        RequestId = Guid.NewGuid().ToString();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var complaint = new Complaint
        {
            ReceivedDate = CalendarDates.ToProto(Saisie.DateReception),
            Channel = Saisie.Canal ?? ComplaintChannel.Unspecified,
            Complainant = Saisie.Auteur ?? Complainant.Unspecified,
            ComplainantName = Saisie.NomAuteur?.Trim() ?? string.Empty,
            Bilan = string.IsNullOrWhiteSpace(Saisie.Bilan) ? string.Empty : BilanName(Saisie.Bilan.Trim()),
            Subject = Saisie.Objet?.Trim() ?? string.Empty,
            Description = Saisie.Description?.Trim() ?? string.Empty,
        };
        try
        {
            var created = await quality.CreateComplaintAsync(
                new CreateComplaintRequest { Complaint = complaint, RequestId = Guid.TryParse(RequestId, out var id) ? id.ToString() : string.Empty },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Qualite/Reclamations/Details", new { id = ProtoNames.IdOf(created.Name) });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("CreateComplaint refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, FieldNames);
            return Page();
        }
    }

    /// <summary>The bilan field takes its id or its full name <c>bilans/{id}</c>.</summary>
    private static string BilanName(string typed) => typed.StartsWith("bilans/", StringComparison.Ordinal) ? typed : $"bilans/{typed}";
}

/// <summary>The complaint form.</summary>
public sealed class ComplaintInput
{
    [Display(Name = "Date de réception")]
    [Required(ErrorMessage = "La date de réception est obligatoire.")]
    public DateOnly? DateReception { get; set; }

    [Display(Name = "Canal de réception")]
    public ComplaintChannel? Canal { get; set; }

    [Display(Name = "Auteur")]
    public Complainant? Auteur { get; set; }

    [Display(Name = "Nom de l'auteur ou de son organisme")]
    public string? NomAuteur { get; set; }

    [Display(Name = "Bilan concerné (identifiant, facultatif)")]
    public string? Bilan { get; set; }

    [Display(Name = "Objet")]
    public string? Objet { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }
}
