using Bilan.BackOffice.Api;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The consultant's working notes of one interview, as confidential as the synthesis: read (logged by the API) and
/// replaced with the etag. Support and other consultants are refused by the API, whose French message is shown.
/// </summary>
public sealed class NotesEntretienModel(
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    SynthesisService.SynthesisServiceClient syntheses,
    InterviewService.InterviewServiceClient interviews,
    ILogger<NotesEntretienModel> logger) : PageModel, IBilanDossierPage
{
    /// <summary>The API's field paths of UpdateInterviewNotes mapped to the form.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["notes.text"] = nameof(Texte),
    };

    /// <summary>The bilan's id (a UUID), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The interview's id, from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Entretien { get; set; } = string.Empty;

    /// <summary>Whether the notes were just saved, for the notice.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Statut { get; set; }

    /// <summary>The notes, kept as typed when the API refuses them.</summary>
    [BindProperty]
    public string? Texte { get; set; }

    /// <summary>The notes' etag as read.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>The request id of this form.</summary>
    [BindProperty]
    public string? RequestId { get; set; }

    /// <summary>The bilan's heading; null when the bilan could not be read.</summary>
    public BilanHeading? Heading { get; private set; }

    /// <inheritdoc />
    public string BilanId => Id;

    /// <summary>The interview, as a line of the heading.</summary>
    public NotedInterviewRow? Interview { get; private set; }

    /// <summary>The notes as read; null when refused.</summary>
    public InterviewNotes? Notes { get; private set; }

    /// <summary>The French message when the bilan or the notes could not be read.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>True when the save was refused with ABORTED.</summary>
    public bool Conflict { get; private set; }

    /// <summary>Reads the notes into the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        if (Notes is { } notes)
        {
            Texte = notes.Text;
            Etag = notes.Etag;
        }

        RequestId = Guid.NewGuid().ToString();
    }

    /// <summary>Replaces the notes, then shows them again.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        try
        {
            await syntheses.UpdateInterviewNotesAsync(
                new UpdateInterviewNotesRequest
                {
                    Notes = new InterviewNotes { Name = NotesName, Text = Texte ?? string.Empty, Etag = Etag ?? string.Empty },
                    RequestId = RequestId ?? string.Empty,
                },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Bilans/NotesEntretien", new { id = Id, entretien = Entretien, statut = "enregistrees" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            // The status code only: the request carried confidential text, the log never does.
            logger.LogInformation("UpdateInterviewNotes refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, FieldNames);
            Conflict = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
            RequestId = Guid.NewGuid().ToString();
            var typed = Texte;
            await LoadAsync(cancellationToken);
            Texte = typed;
            return Page();
        }
    }

    private string NotesName => $"bilans/{Id}/interviews/{Entretien}/notes";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Heading = await BilanHeading.LoadAsync(bilans, beneficiaries, Id, cancellationToken);
            Interview = NotedInterviewRow.From(await interviews.GetInterviewAsync(
                new GetInterviewRequest { Name = $"bilans/{Id}/interviews/{Entretien}" }, cancellationToken: cancellationToken));
            Notes = await syntheses.GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = NotesName }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reading interview notes failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }
}
