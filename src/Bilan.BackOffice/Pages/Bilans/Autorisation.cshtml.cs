using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
    ILogger<AutorisationModel> logger) : PageModel
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

    /// <summary>The bilan's id (the UUID of <c>bilans/{id}</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The authorisation's etag when the page was shown, sent back so that a concurrent change is refused.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>The employee's request, as typed.</summary>
    [BindProperty]
    public RequestInput Demande { get; set; } = new();

    /// <summary>The employer's answer, as typed.</summary>
    [BindProperty]
    public AnswerInput Reponse { get; set; } = new();

    /// <summary>The authorisation as the API returned it; null when it could not be read.</summary>
    public WorkingTimeAuthorization? Authorization { get; private set; }

    /// <summary>The bilan (for why the authorisation is needed and its planned start); null when it could not be read.</summary>
    public BilanMessage? Bilan { get; private set; }

    /// <summary>The French error shown above the forms.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>True when someone else changed the authorisation: the page offers to reload it.</summary>
    public bool Stale { get; private set; }

    /// <summary>Why the authorisation is needed or not, in French; null when the bilan could not be read.</summary>
    public string? Why => Authorization is { } authorization ? StartConditionLabels.WhyAuthorization(authorization.Required, Bilan) : null;

    /// <summary>
    /// Whether the forms are worth showing: the authorisation is needed and the bilan has not started (the API
    /// refuses any change afterwards). Who may change it is the API's decision.
    /// </summary>
    public bool Editable =>
        Authorization is { Required: true } && Bilan?.State is null or Contracts.V1.Bilan.Types.State.Requested;

    public string Name => $"bilans/{Id}/workingTimeAuthorization";

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

    private async Task<IActionResult> ChangeAsync(Func<Task<WorkingTimeAuthorization>> call, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        try
        {
            await call();
            return RedirectToPage(new { id = Id });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Working-time authorisation change failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.AddTo(ModelState, exception, fields).Message;
            Stale = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
            // Show the authorisation as it stands; the forms keep what the user typed.
            await LoadAsync(cancellationToken, keepError: true);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool keepError = false)
    {
        Demande.RequestId ??= Guid.NewGuid().ToString();
        Reponse.RequestId ??= Guid.NewGuid().ToString();
        try
        {
            Authorization = await authorizations.GetWorkingTimeAuthorizationAsync(
                new GetWorkingTimeAuthorizationRequest { Name = Name }, cancellationToken: cancellationToken);
            Bilan = await bilans.GetBilanAsync(new GetBilanRequest { Name = $"bilans/{Id}" }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reading the working-time authorisation failed: {StatusCode}", exception.StatusCode);
            if (!keepError)
            {
                ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
            }
        }
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
