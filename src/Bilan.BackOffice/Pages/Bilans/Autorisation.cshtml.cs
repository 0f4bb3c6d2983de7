using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Microsoft.AspNetCore.Mvc;
using BilanMessage = Bilan.Contracts.V1.Bilan;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The employer's authorisation of a CPF-funded bilan on working time (Code du travail D6323-4): whether it is needed
/// and why, the last day to ask, the employee's request and the employer's answer, and the day its silence becomes
/// acceptance. The API owns every rule and who may change it; this page shows its French messages.
/// </summary>
public sealed class AutorisationModel(
    WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient authorizations,
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    ILogger<AutorisationModel> logger) : BilanResourcePageModel(bilans, beneficiaries, logger)
{
    private static readonly Dictionary<string, string> RequestFields = new(StringComparer.Ordinal)
    {
        ["request_date"] = "Demande.Date",
    };

    private static readonly Dictionary<string, string> AnswerFields = new(StringComparer.Ordinal)
    {
        ["answer"] = "Reponse.Decision",
        ["answer_date"] = "Reponse.Date",
    };

    /// <summary>The employee's request, as typed.</summary>
    [BindProperty]
    public RequestInput Demande { get; set; } = new();

    /// <summary>The employer's answer, as typed.</summary>
    [BindProperty]
    public AnswerInput Reponse { get; set; } = new();

    /// <summary>The authorisation as the API returned it; null when it could not be read.</summary>
    public WorkingTimeAuthorization? Authorization { get; private set; }

    /// <summary>
    /// The bilan (for why the authorisation is needed and its planned start), as the heading read it; null when it
    /// could not be read.
    /// </summary>
    public BilanMessage? Bilan => Heading?.Bilan;

    /// <summary>Why the authorisation is needed or not, in French; null when the bilan could not be read.</summary>
    public string? Why => Authorization is { } authorization ? StartConditionLabels.WhyAuthorization(authorization.Required, Bilan) : null;

    /// <summary>
    /// Whether the forms are worth showing: the authorisation is needed and the bilan has not started (the API
    /// refuses any change afterwards). Who may change it is the API's decision.
    /// </summary>
    public bool Editable =>
        Authorization is { Required: true } && Bilan?.State is null or Contracts.V1.Bilan.Types.State.Requested;

    public override string Name => $"bilans/{Id}/workingTimeAuthorization";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Authorization is { } authorization)
        {
            Etag = authorization.Etag;
            Demande.Date = CalendarDates.ToDateOnly(authorization.RequestDate);
            Reponse.Decision = authorization.Answer;
            Reponse.Date = CalendarDates.ToDateOnly(authorization.AnswerDate);
        }

        return Page();
    }

    /// <summary>Records (or corrects) the day the employee asked the employer.</summary>
    public Task<IActionResult> OnPostDemandeAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => authorizations.RequestWorkingTimeAuthorizationAsync(new RequestWorkingTimeAuthorizationRequest
        {
            Name = Name,
            RequestDate = CalendarDates.ToProto(Demande.Date),
            Etag = Etag ?? string.Empty,
            RequestId = Demande.RequestId ?? string.Empty,
        }, cancellationToken: cancellationToken).ResponseAsync, RequestFields, cancellationToken);

    /// <summary>Records the employer's answer, granted or refused, with its date.</summary>
    public Task<IActionResult> OnPostReponseAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => authorizations.RecordEmployerAnswerAsync(new RecordEmployerAnswerRequest
        {
            Name = Name,
            Answer = Reponse.Decision,
            AnswerDate = CalendarDates.ToProto(Reponse.Date),
            Etag = Etag ?? string.Empty,
            RequestId = Reponse.RequestId ?? string.Empty,
        }, cancellationToken: cancellationToken).ResponseAsync, AnswerFields, cancellationToken);

    protected override async Task ReadAsync(CancellationToken cancellationToken)
    {
        Demande.RequestId ??= Guid.NewGuid().ToString();
        Reponse.RequestId ??= Guid.NewGuid().ToString();
        Authorization = await authorizations.GetWorkingTimeAuthorizationAsync(
            new GetWorkingTimeAuthorizationRequest { Name = Name }, cancellationToken: cancellationToken);
    }

    /// <summary>The employee's request to the employer.</summary>
    public sealed class RequestInput
    {
        [Display(Name = "Date de la demande du salarié à l'employeur")]
        public DateOnly? Date { get; set; }

        /// <summary>The request_id of this form, so that a double submission records it once.</summary>
        public string? RequestId { get; set; }
    }

    /// <summary>The employer's answer.</summary>
    public sealed class AnswerInput
    {
        [Display(Name = "Réponse de l'employeur")]
        public EmployerAnswer Decision { get; set; }

        [Display(Name = "Date de la réponse")]
        public DateOnly? Date { get; set; }

        /// <summary>The request_id of this form, so that a double submission records it once.</summary>
        public string? RequestId { get; set; }
    }
}
