using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BilanMessage = Bilan.Contracts.V1.Bilan;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>Creates a bilan (admins): beneficiary, funding, working time, planned hours and start.</summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class NouveauModel(
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    ILogger<NouveauModel> logger) : PageModel
{
    /// <summary>How many beneficiaries the select offers (alphabetical; the API's maximum page).</summary>
    public const int BeneficiaryChoices = 200;

    /// <summary>The API field paths of CreateBilan mapped to this page's properties.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bilan.beneficiary"] = nameof(Beneficiaire),
        ["bilan.funding_source"] = nameof(Financement),
        ["bilan.working_time"] = nameof(TempsDeTravail),
        ["bilan.planned_hours"] = nameof(HeuresPrevues),
        ["bilan.planned_start_date"] = nameof(DebutPrevu),
    };

    /// <summary>The beneficiary, <c>beneficiaries/{id}</c>; may come in the URL from a beneficiary's page.</summary>
    [BindProperty(SupportsGet = true, Name = "beneficiaire")]
    [Required(ErrorMessage = "Choisissez le bénéficiaire.")]
    [Display(Name = "Bénéficiaire")]
    public string? Beneficiaire { get; set; }

    /// <summary>The funding source, as the API's enum number.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Choisissez le financement.")]
    [Range(1, int.MaxValue, ErrorMessage = "Choisissez le financement.")]
    [Display(Name = "Financement")]
    public int? Financement { get; set; }

    /// <summary>Working time, as the API's enum number.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Indiquez si le bilan a lieu sur le temps de travail.")]
    [Range(1, int.MaxValue, ErrorMessage = "Indiquez si le bilan a lieu sur le temps de travail.")]
    [Display(Name = "Temps de travail")]
    public int? TempsDeTravail { get; set; }

    /// <summary>Planned hours: the API checks the minimum (policy) and the 24 h maximum (L6313-4).</summary>
    [BindProperty]
    [Required(ErrorMessage = "Indiquez le nombre d'heures prévues.")]
    [Range(1, 24, ErrorMessage = "Les heures prévues vont de 1 à 24 (article L6313-4 du Code du travail : 24 h au plus).")]
    [Display(Name = "Heures prévues")]
    public int? HeuresPrevues { get; set; } = 24;

    /// <summary>The planned first day.</summary>
    [BindProperty]
    [DataType(DataType.Date)]
    [Display(Name = "Début prévu")]
    public DateOnly? DebutPrevu { get; set; }

    /// <summary>The id of this creation: a second click or a retry creates nothing more (request_id).</summary>
    [BindProperty]
    public string? DemandeId { get; set; }

    /// <summary>The beneficiaries the select offers.</summary>
    public IReadOnlyList<NamedItem> Beneficiaries { get; private set; } = [];

    /// <summary>The French message when the beneficiaries could not be read.</summary>
    public string? LoadError { get; private set; }

    /// <summary>Shows the empty form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DemandeId = Guid.NewGuid().ToString();
        await LoadAsync(cancellationToken);
    }

    /// <summary>Creates the bilan and goes to its page; on refusal shows the API's French messages beside the fields.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(DemandeId, out _))
        {
            DemandeId = Guid.NewGuid().ToString();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var bilan = new BilanMessage
        {
            Beneficiary = Beneficiaire!,
            FundingSource = (FundingSource)Financement!.Value,
            WorkingTime = (WorkingTime)TempsDeTravail!.Value,
            PlannedHours = HeuresPrevues!.Value,
        };
        if (DebutPrevu is { } start)
        {
            bilan.PlannedStartDate = CalendarDates.ToProto(start);
        }

        try
        {
            var created = await bilans.CreateBilanAsync(
                new CreateBilanRequest { Bilan = bilan, RequestId = DemandeId! },
                cancellationToken: cancellationToken);
            TempData[DetailModel.NoticeKey] = "Le bilan a été créé.";
            return RedirectToPage("/Bilans/Detail", new { id = ProtoNames.IdOf(created.Name) });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("CreateBilan refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, FieldNames);
            // A refused request wrote nothing: the corrected form is a new request.
            DemandeId = Guid.NewGuid().ToString();
            ModelState.Remove(nameof(DemandeId));
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await beneficiaries.ListBeneficiariesAsync(
                new ListBeneficiariesRequest { PageSize = BeneficiaryChoices },
                cancellationToken: cancellationToken);
            Beneficiaries = [.. response.Beneficiaries.Select(b => new NamedItem(b.Name, DirectoryLookups.DisplayNameOf(b), true))];
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            LoadError = FrenchErrorPresenter.Present(exception).Message;
        }
    }
}
