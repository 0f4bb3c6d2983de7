using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Qualite.Reclamations;

/// <summary>
/// One complaint and its handling: acknowledge, start the handling, answer (resolved with the corrective action, or
/// rejected as unfounded). Each step sends the complaint's etag: if someone else changed it meanwhile, the API refuses
/// (ABORTED) and the page offers to reload. Administrators only.
/// </summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class DetailsModel(QualityService.QualityServiceClient quality, ILogger<DetailsModel> logger) : PageModel
{
    /// <summary>The decision of the answer form that resolves the complaint; any other rejects it.</summary>
    public const string Resolved = "traitee";

    /// <summary>The API field paths of the handling methods mapped to this page's properties.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["acknowledge_date"] = nameof(DateAccuse),
        ["answer"] = nameof(Reponse),
        ["corrective_action"] = nameof(ActionCorrective),
        ["answer_date"] = nameof(DateReponse),
    };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The etag of the complaint as the user saw it.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    [BindProperty]
    public DateOnly? DateAccuse { get; set; }

    [BindProperty]
    public string? Reponse { get; set; }

    [BindProperty]
    public string? ActionCorrective { get; set; }

    [BindProperty]
    public DateOnly? DateReponse { get; set; }

    /// <summary><see cref="Resolved"/> or <c>rejetee</c>.</summary>
    [BindProperty]
    public string? Decision { get; set; }

    /// <summary>The complaint; null when it could not be read.</summary>
    public Complaint? Complaint { get; private set; }

    /// <summary>True when the API refused a step because the complaint changed meanwhile (offer a reload).</summary>
    public bool Stale { get; private set; }

    public string? ErrorMessage { get; private set; }

    private string Name => $"complaints/{Id}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Complaint is null && ErrorMessage is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostAccuserReceptionAsync(CancellationToken cancellationToken) =>
        StepAsync(() => quality.AcknowledgeComplaintAsync(
            new AcknowledgeComplaintRequest { Name = Name, Etag = Etag ?? string.Empty, AcknowledgeDate = CalendarDates.ToProto(DateAccuse) },
            cancellationToken: cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDemarrerAsync(CancellationToken cancellationToken) =>
        StepAsync(() => quality.StartComplaintHandlingAsync(
            new StartComplaintHandlingRequest { Name = Name, Etag = Etag ?? string.Empty }, cancellationToken: cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRepondreAsync(CancellationToken cancellationToken) =>
        StepAsync(() => Decision == Resolved
            ? quality.ResolveComplaintAsync(new ResolveComplaintRequest
            {
                Name = Name,
                Answer = Reponse?.Trim() ?? string.Empty,
                CorrectiveAction = ActionCorrective?.Trim() ?? string.Empty,
                AnswerDate = CalendarDates.ToProto(DateReponse),
                Etag = Etag ?? string.Empty,
            }, cancellationToken: cancellationToken)
            : quality.RejectComplaintAsync(new RejectComplaintRequest
            {
                Name = Name,
                Answer = Reponse?.Trim() ?? string.Empty,
                AnswerDate = CalendarDates.ToProto(DateReponse),
                Etag = Etag ?? string.Empty,
            }, cancellationToken: cancellationToken), cancellationToken);

    /// <summary>One step of the handling; back to the page (GET) when done, the form kept with the French error otherwise.</summary>
    private async Task<IActionResult> StepAsync(Func<AsyncUnaryCall<Complaint>> call, CancellationToken cancellationToken)
    {
        try
        {
            await call();
            return RedirectToPage(new { id = Id });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Complaint step refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, FieldNames);
            Stale = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
            var typedEtag = Etag;
            await LoadAsync(cancellationToken);
            // The form keeps the etag the user acted on: a reload, not a resubmission, takes the new one.
            Etag = Stale ? typedEtag : Etag;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Complaint = await quality.GetComplaintAsync(new GetComplaintRequest { Name = Name }, cancellationToken: cancellationToken);
            Etag = Complaint.Etag;
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            Complaint = null;
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetComplaint failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }
}
