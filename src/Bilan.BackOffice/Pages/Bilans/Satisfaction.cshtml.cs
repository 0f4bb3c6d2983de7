using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Pages.Qualite;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Bilan.Domain.Quality;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BilanState = Bilan.Domain.Bilans.BilanState;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The beneficiary's satisfaction survey of a bilan that has ended (completed or abandoned): recorded once, then
/// corrected with its etag. For administrators and the bilan's consultant. While the bilan has not ended, the page
/// says when the survey is recorded instead of offering a form the API would refuse.
/// </summary>
[Authorize(Roles = SessionClaims.AdminRole + "," + SessionClaims.ConsultantRole)]
public sealed class SatisfactionModel(
    QualityService.QualityServiceClient quality,
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    TimeProvider clock,
    ILogger<SatisfactionModel> logger) : PageModel, IBilanDossierPage
{
    /// <summary>The scores offered, 1 to 5, with their French meaning.</summary>
    public static IReadOnlyList<(int Value, string Label)> Scores { get; } =
        [(1, "1 — très insatisfait"), (2, "2 — insatisfait"), (3, "3 — ni satisfait ni insatisfait"), (4, "4 — satisfait"), (5, "5 — très satisfait")];

    /// <summary>The API field paths of RecordSatisfactionSurvey mapped to this page's properties.</summary>
    public static readonly IReadOnlyDictionary<string, string> FieldNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["survey.overall_score"] = "Saisie.NoteGlobale",
        ["survey.welcome_score"] = "Saisie.NoteAccueil",
        ["survey.consultant_score"] = "Saisie.NoteAccompagnement",
        ["survey.methods_score"] = "Saisie.NoteMethodes",
        ["survey.goals_score"] = "Saisie.NoteObjectifs",
        ["survey.comments"] = "Saisie.Commentaires",
        ["survey.answer_date"] = "Saisie.DateReponse",
    };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public SurveyInput Saisie { get; set; } = new();

    /// <summary>The recorded survey's etag; empty before the first recording.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>Set after a successful recording (the page is shown again by GET).</summary>
    [BindProperty(SupportsGet = true, Name = "enregistre")]
    public bool Enregistre { get; set; }

    public bool Stale { get; private set; }

    public string? ErrorMessage { get; private set; }

    public string BilanName => $"bilans/{Id}";

    /// <inheritdoc />
    public string BilanId => Id.ToString();

    /// <inheritdoc />
    public BilanHeading? Heading { get; private set; }

    /// <summary>
    /// Why no survey can be recorded yet, in French, when the bilan has not ended (SatisfactionSurveyRules); null when
    /// it has, or when its state is unknown (the form is then shown and the API decides).
    /// </summary>
    public string? NotYet => Heading is { } heading && !SatisfactionSurveyRules.AllowedIn(heading.DomainState)
        ? heading.DomainState == BilanState.Cancelled
            ? "Ce bilan a été annulé avant son début : il n'a pas de questionnaire de satisfaction."
            : $"Le questionnaire de satisfaction s'enregistre à la fin du bilan, une fois celui-ci terminé ou abandonné. Ce bilan n'est pas encore terminé (état : {heading.StateLabel}) : vous pourrez saisir les réponses du bénéficiaire à ce moment-là."
        : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(LoadHeadingAsync(cancellationToken), LoadSurveyAsync(cancellationToken));
    }

    private async Task LoadSurveyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var survey = await quality.GetSatisfactionSurveyAsync(
                new GetSatisfactionSurveyRequest { Name = $"{BilanName}/satisfactionSurvey" }, cancellationToken: cancellationToken);
            Saisie = SurveyInput.From(survey);
            Etag = survey.Etag;
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            // None recorded yet: an empty form answered today.
            Saisie = new SurveyInput { DateReponse = QualityLabels.Today(clock) };
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetSatisfactionSurvey failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadHeadingAsync(cancellationToken);
            return Page();
        }

        try
        {
            await quality.RecordSatisfactionSurveyAsync(new RecordSatisfactionSurveyRequest
            {
                Parent = BilanName,
                Survey = Saisie.ToSurvey(),
                Etag = Etag ?? string.Empty,
            }, cancellationToken: cancellationToken);
            return RedirectToPage(new { id = Id, enregistre = true });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("RecordSatisfactionSurvey refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, FieldNames);
            Stale = exception.StatusCode is Grpc.Core.StatusCode.Aborted or Grpc.Core.StatusCode.AlreadyExists;
            await LoadHeadingAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadHeadingAsync(CancellationToken cancellationToken) =>
        Heading = await BilanHeading.TryLoadAsync(bilans, beneficiaries, BilanId, logger, cancellationToken);
}

/// <summary>The survey form: scores 1 to 5 (the four questions optional), comments, the day answered.</summary>
public sealed class SurveyInput
{
    [Display(Name = "Satisfaction globale")]
    [Required(ErrorMessage = "La note globale (de 1 à 5) est obligatoire.")]
    public int? NoteGlobale { get; set; }

    public int? NoteAccueil { get; set; }

    public int? NoteAccompagnement { get; set; }

    public int? NoteMethodes { get; set; }

    public int? NoteObjectifs { get; set; }

    public string? Commentaires { get; set; }

    [Required(ErrorMessage = "La date de réponse est obligatoire.")]
    public DateOnly? DateReponse { get; set; }

    public static SurveyInput From(SatisfactionSurvey survey)
    {
        ArgumentNullException.ThrowIfNull(survey);
        return new SurveyInput
        {
            NoteGlobale = survey.OverallScore,
            NoteAccueil = Optional(survey.WelcomeScore),
            NoteAccompagnement = Optional(survey.ConsultantScore),
            NoteMethodes = Optional(survey.MethodsScore),
            NoteObjectifs = Optional(survey.GoalsScore),
            Commentaires = survey.Comments,
            DateReponse = CalendarDates.ToDateOnly(survey.AnswerDate),
        };
    }

    public SatisfactionSurvey ToSurvey() => new()
    {
        OverallScore = NoteGlobale ?? 0,
        WelcomeScore = NoteAccueil ?? 0,
        ConsultantScore = NoteAccompagnement ?? 0,
        MethodsScore = NoteMethodes ?? 0,
        GoalsScore = NoteObjectifs ?? 0,
        Comments = Commentaires?.Trim() ?? string.Empty,
        AnswerDate = CalendarDates.ToProto(DateReponse),
    };

    private static int? Optional(int score) => score == 0 ? null : score;
}
