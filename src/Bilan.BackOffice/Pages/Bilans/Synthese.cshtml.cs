using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SynthesisState = Bilan.Contracts.V1.Synthesis.Types.State;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The synthesis editor (R6313-4 3°): the consultant writes its four sections during the conclusion phase, saves
/// them with the etag, hands the synthesis to the beneficiary, and revises it after delivery as a new version.
/// Also lists the bilan's interviews, whose notes have their own page. Every read is logged by the API; support
/// and other consultants are refused by the API, whose French message is shown. The content never goes into a
/// log, an address or an error message: forms are posted, and redirects carry only the bilan's id and a status.
/// </summary>
public sealed class SyntheseModel(
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    SynthesisService.SynthesisServiceClient syntheses,
    InterviewService.InterviewServiceClient interviews,
    TimeProvider clock,
    ILogger<SyntheseModel> logger) : PageModel, IBilanDossierPage
{
    /// <summary>The API's field paths (UpdateSynthesis, ReviseSynthesis, DeliverSynthesis) mapped to the forms.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["synthesis.circumstances"] = "Saisie.Circonstances",
        ["synthesis.skills_and_options"] = "Saisie.CompetencesEtPistes",
        ["synthesis.project_and_steps"] = "Saisie.ProjetEtEtapes",
        ["synthesis.beneficiary_observations"] = "Saisie.Observations",
        ["circumstances"] = "Saisie.Circonstances",
        ["skills_and_options"] = "Saisie.CompetencesEtPistes",
        ["project_and_steps"] = "Saisie.ProjetEtEtapes",
        ["beneficiary_observations"] = "Saisie.Observations",
        ["deliver_time"] = "Remise.DateHeure",
        ["delivery_method"] = "Remise.Mode",
    };

    /// <summary>The bilan's id (a UUID), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>What just happened, for the notice.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Statut { get; set; }

    /// <summary>The sections, kept as typed when the API refuses them.</summary>
    [BindProperty]
    public SynthesisInput Saisie { get; set; } = new();

    /// <summary>The delivery form.</summary>
    [BindProperty]
    public DeliveryInput Remise { get; set; } = new();

    /// <summary>The bilan's heading; null when the bilan could not be read.</summary>
    public BilanHeading? Heading { get; private set; }

    /// <inheritdoc />
    public string BilanId => Id;

    /// <summary>The French message when the bilan could not be read.</summary>
    public string? LoadError { get; private set; }

    /// <summary>The French message when the API refused to show the synthesis (support, another consultant...).</summary>
    public string? Refusal { get; private set; }

    /// <summary>The current version as read (its content is in <see cref="Saisie"/>); null when none is written yet.</summary>
    public Synthesis? Current { get; private set; }

    /// <summary>The bilan's interviews, for their notes.</summary>
    public IReadOnlyList<NotedInterviewRow> Interviews { get; private set; } = [];

    /// <summary>True when a form was refused with ABORTED: someone else changed the synthesis meanwhile.</summary>
    public bool Conflict { get; private set; }

    /// <summary>Whether the synthesis was read (or may be written for the first time).</summary>
    public bool Readable => Heading is not null && Refusal is null;

    /// <summary>Whether saving starts a new version (the current one was handed over) instead of changing the draft.</summary>
    public bool SavingRevises => Current?.State == SynthesisState.Delivered;

    /// <summary>Whether the editor is offered: a draft (or none yet) in the conclusion phase, or a delivered version to revise.</summary>
    public bool Editable => Readable && Current?.State != SynthesisState.Destroyed
        && (SavingRevises
            ? Heading!.State is State.Conclusion or State.Completed or State.FollowUp
            : Heading!.State == State.Conclusion);

    /// <summary>Whether the current version may be handed to the beneficiary.</summary>
    public bool Deliverable => Readable && Current?.State == SynthesisState.Draft;

    /// <summary>The French notice of what just happened.</summary>
    public string? Notice => Statut switch
    {
        "enregistree" => "La synthèse a été enregistrée.",
        "revisee" => "Une nouvelle version de la synthèse a été créée : elle devra être remise à nouveau au bénéficiaire.",
        "remise" => "La remise de la synthèse au bénéficiaire a été enregistrée ; cette version est désormais figée.",
        _ => null,
    };

    /// <summary>Reads the bilan, the current synthesis and the interviews.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NoStore();
        if (await LoadAsync(cancellationToken) is { } synthesis)
        {
            Saisie = SynthesisInput.From(synthesis);
        }

        Saisie.RequestId = Guid.NewGuid().ToString();
        Remise = new DeliveryInput
        {
            DateHeure = CalendarDates.ToParisLocal(clock.GetUtcNow()),
            Etag = Current?.Etag,
            RequestId = Guid.NewGuid().ToString(),
        };
    }

    /// <summary>Saves the sections: the draft's with UpdateSynthesis, or a new version with ReviseSynthesis once delivered.</summary>
    public async Task<IActionResult> OnPostEnregistrerAsync(CancellationToken cancellationToken)
    {
        NoStore();
        try
        {
            if (Saisie.Revision)
            {
                await syntheses.ReviseSynthesisAsync(
                    new ReviseSynthesisRequest
                    {
                        Name = SynthesisName,
                        Circumstances = Saisie.Circonstances ?? string.Empty,
                        SkillsAndOptions = Saisie.CompetencesEtPistes ?? string.Empty,
                        ProjectAndSteps = Saisie.ProjetEtEtapes ?? string.Empty,
                        BeneficiaryObservations = Saisie.Observations ?? string.Empty,
                        Etag = Saisie.Etag ?? string.Empty,
                        RequestId = Saisie.RequestId ?? string.Empty,
                    },
                    cancellationToken: cancellationToken);
                return RedirectToPage("/Bilans/Synthese", new { id = Id, statut = "revisee" });
            }

            var mask = new FieldMask();
            mask.Paths.AddRange(["circumstances", "skills_and_options", "project_and_steps", "beneficiary_observations"]);
            await syntheses.UpdateSynthesisAsync(
                new UpdateSynthesisRequest
                {
                    Synthesis = new Synthesis
                    {
                        Name = SynthesisName,
                        Circumstances = Saisie.Circonstances ?? string.Empty,
                        SkillsAndOptions = Saisie.CompetencesEtPistes ?? string.Empty,
                        ProjectAndSteps = Saisie.ProjetEtEtapes ?? string.Empty,
                        BeneficiaryObservations = Saisie.Observations ?? string.Empty,
                        Etag = Saisie.Etag ?? string.Empty,
                    },
                    UpdateMask = mask,
                    RequestId = Saisie.RequestId ?? string.Empty,
                },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Bilans/Synthese", new { id = Id, statut = "enregistree" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            // The status code only: the request carried confidential text, the log never does.
            logger.LogInformation("Saving a synthesis refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, FieldNames);
            Conflict = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
            Saisie.RequestId = Guid.NewGuid().ToString();
            await ReloadAfterRefusalAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Records when and how the current version was handed to the beneficiary.</summary>
    public async Task<IActionResult> OnPostRemettreAsync(CancellationToken cancellationToken)
    {
        NoStore();
        try
        {
            await syntheses.DeliverSynthesisAsync(
                new DeliverSynthesisRequest
                {
                    Name = SynthesisName,
                    DeliverTime = Remise.DateHeure is { } local ? Timestamp.FromDateTimeOffset(ParisTime.FromParis(local)) : null,
                    DeliveryMethod = Remise.Mode,
                    Etag = Remise.Etag ?? string.Empty,
                    RequestId = Remise.RequestId ?? string.Empty,
                },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Bilans/Synthese", new { id = Id, statut = "remise" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("DeliverSynthesis refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, FieldNames);
            Conflict = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
            Remise.RequestId = Guid.NewGuid().ToString();
            if (await LoadAsync(cancellationToken) is { } synthesis)
            {
                Saisie = SynthesisInput.From(synthesis);
                Saisie.RequestId = Guid.NewGuid().ToString();
            }

            return Page();
        }
    }

    private string SynthesisName => $"bilans/{Id}/synthesis";

    /// <summary>After a refused save: the page's facts again, the sections exactly as typed.</summary>
    private async Task ReloadAfterRefusalAsync(CancellationToken cancellationToken)
    {
        var typed = Saisie;
        await LoadAsync(cancellationToken);
        Saisie = typed;
        Remise = new DeliveryInput
        {
            DateHeure = CalendarDates.ToParisLocal(clock.GetUtcNow()),
            Etag = Current?.Etag,
            RequestId = Guid.NewGuid().ToString(),
        };
    }

    /// <summary>Reads the heading, the synthesis (null when none, or refused) and the interviews.</summary>
    private async Task<Synthesis?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Heading = await BilanHeading.LoadAsync(bilans, beneficiaries, Id, cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetBilan failed: {StatusCode}", exception.StatusCode);
            LoadError = FrenchErrorPresenter.Present(exception).Message;
            return null;
        }

        Current = null;
        try
        {
            Current = await syntheses.GetSynthesisAsync(new GetSynthesisRequest { Name = SynthesisName }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            // No synthesis written yet: the editor starts version 1.
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetSynthesis refused: {StatusCode}", exception.StatusCode);
            Refusal = FrenchErrorPresenter.Present(exception).Message;
        }

        try
        {
            var response = await interviews.ListInterviewsAsync(
                new ListInterviewsRequest { Parent = $"bilans/{Id}", PageSize = 200 }, cancellationToken: cancellationToken);
            Interviews = [.. response.Interviews.Select(NotedInterviewRow.From)];
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListInterviews failed: {StatusCode}", exception.StatusCode);
        }

        return Current;
    }

    private void NoStore() => Response.Headers.CacheControl = "no-store";
}

/// <summary>The synthesis editor's form, kept as typed.</summary>
public sealed class SynthesisInput
{
    public string? Circonstances { get; set; }

    public string? CompetencesEtPistes { get; set; }

    public string? ProjetEtEtapes { get; set; }

    public string? Observations { get; set; }

    /// <summary>True when the version shown was delivered: saving then creates a new version.</summary>
    public bool Revision { get; set; }

    public string? Etag { get; set; }

    public string? RequestId { get; set; }

    /// <summary>The form filled from the current version.</summary>
    public static SynthesisInput From(Synthesis synthesis)
    {
        ArgumentNullException.ThrowIfNull(synthesis);
        return new SynthesisInput
        {
            Circonstances = synthesis.Circumstances,
            CompetencesEtPistes = synthesis.SkillsAndOptions,
            ProjetEtEtapes = synthesis.ProjectAndSteps,
            Observations = synthesis.BeneficiaryObservations,
            Revision = synthesis.State == SynthesisState.Delivered,
            Etag = synthesis.Etag,
        };
    }
}

/// <summary>The delivery form: when (Paris time) and how the synthesis was handed over.</summary>
public sealed class DeliveryInput
{
    public DateTime? DateHeure { get; set; }

    public DeliveryMethod Mode { get; set; }

    public string? Etag { get; set; }

    public string? RequestId { get; set; }
}
