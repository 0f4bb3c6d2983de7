using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SatisfactionPage = Bilan.BackOffice.Pages.Bilans.SatisfactionModel;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class SatisfactionModelTests
{
    private static readonly Guid BilanId = Guid.Parse("0193a3c4-0000-7000-8000-0000000000b1");

    private readonly QualityService.QualityServiceClient _quality = Substitute.For<QualityService.QualityServiceClient>();

    [Fact]
    public async Task OnGet_Recorded_FormFilledWithItsEtag()
    {
        _quality.GetSatisfactionSurveyAsync(Arg.Any<GetSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new SatisfactionSurvey
            {
                OverallScore = 4, ConsultantScore = 5, Comments = "Merci.", AnswerDate = QualityCalls.Date(2026, 11, 20), Etag = "2",
            }));
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal((4, (int?)null, (int?)5, "Merci.", new DateOnly(2026, 11, 20), "2"),
            (page.Saisie.NoteGlobale, page.Saisie.NoteAccueil, page.Saisie.NoteAccompagnement, page.Saisie.Commentaires, page.Saisie.DateReponse, page.Etag));
        _ = _quality.Received(1).GetSatisfactionSurveyAsync(Arg.Is<GetSatisfactionSurveyRequest>(r => r.Name == $"bilans/{BilanId}/satisfactionSurvey"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGet_NoneRecorded_EmptyFormAnsweredToday()
    {
        _quality.GetSatisfactionSurveyAsync(Arg.Any<GetSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SatisfactionSurvey>(ApiCalls.Error(StatusCode.NotFound, "Aucun questionnaire.")));
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.ErrorMessage);
        Assert.Null(page.Saisie.NoteGlobale);
        Assert.Equal(new DateOnly(2026, 11, 27), page.Saisie.DateReponse);
        Assert.Null(page.Etag);
    }

    [Fact]
    public async Task OnPost_Valid_RecordsScoresAndGoesBackWithConfirmation()
    {
        _quality.RecordSatisfactionSurveyAsync(Arg.Any<RecordSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new SatisfactionSurvey()));
        var page = Create();
        page.Saisie = new() { NoteGlobale = 5, NoteMethodes = 3, Commentaires = "  Très utile. ", DateReponse = new DateOnly(2026, 11, 26) };
        page.Etag = "4";

        var result = await page.OnPostAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal(true, redirect.RouteValues!["enregistre"]);
        _ = _quality.Received(1).RecordSatisfactionSurveyAsync(
            Arg.Is<RecordSatisfactionSurveyRequest>(r =>
                r.Parent == $"bilans/{BilanId}" && r.Etag == "4" && r.Survey.OverallScore == 5 && r.Survey.MethodsScore == 3
                && r.Survey.WelcomeScore == 0 && r.Survey.Comments == "Très utile." && r.Survey.AnswerDate.Equals(QualityCalls.Date(2026, 11, 26))),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPost_BilanNotEnded_FrenchMessageFormKept()
    {
        _quality.RecordSatisfactionSurveyAsync(Arg.Any<RecordSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SatisfactionSurvey>(ApiCalls.Error(StatusCode.FailedPrecondition,
                "Le questionnaire de satisfaction s'enregistre une fois le bilan terminé ou abandonné ; ce bilan est « phase préliminaire ».",
                "SATISFACTION_SURVEY_NOT_ALLOWED_IN_STATE")));
        var page = Create();
        page.Saisie = new() { NoteGlobale = 4, Commentaires = "Gardé", DateReponse = new DateOnly(2026, 11, 26) };

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.StartsWith("Le questionnaire de satisfaction s'enregistre", page.ModelState[string.Empty]!.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("Gardé", page.Saisie.Commentaires);
        Assert.False(page.Stale);
    }

    [Fact]
    public async Task OnPost_BadScore_MessageOnTheField()
    {
        _quality.RecordSatisfactionSurveyAsync(Arg.Any<RecordSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SatisfactionSurvey>(QualityCalls.Invalid(("survey.goals_score", "La note de l'atteinte des objectifs doit être comprise entre 1 et 5."))));
        var page = Create();
        page.Saisie = new() { NoteGlobale = 4, NoteObjectifs = 9, DateReponse = new DateOnly(2026, 11, 26) };

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal("La note de l'atteinte des objectifs doit être comprise entre 1 et 5.", page.ModelState["Saisie.NoteObjectifs"]!.Errors.Single().ErrorMessage);
    }

    [Fact]
    public async Task OnPost_RecordedMeanwhile_OffersReload()
    {
        _quality.RecordSatisfactionSurveyAsync(Arg.Any<RecordSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SatisfactionSurvey>(ApiCalls.Error(StatusCode.AlreadyExists, "Le questionnaire de satisfaction de ce bilan est déjà enregistré : ouvrez-le pour le corriger.")));
        var page = Create();
        page.Saisie = new() { NoteGlobale = 4, DateReponse = new DateOnly(2026, 11, 26) };

        await page.OnPostAsync(CancellationToken.None);

        Assert.True(page.Stale);
    }

    [Theory]
    [InlineData(State.Requested, "demandé")]
    [InlineData(State.Preliminary, "phase préliminaire")]
    [InlineData(State.Conclusion, "phase de conclusion")]
    public async Task OnGet_BilanNotEnded_SaysTheSurveyIsRecordedAtTheEndInsteadOfAForm(State state, string label)
    {
        NoneRecorded();
        var page = Create(BilanHeadings.Bilan(BilanId.ToString(), state));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(
            $"Le questionnaire de satisfaction s'enregistre à la fin du bilan, une fois celui-ci terminé ou abandonné. Ce bilan n'est pas encore terminé (état : {label}) : vous pourrez saisir les réponses du bénéficiaire à ce moment-là.",
            page.NotYet);
        Assert.Equal("Sophie Lefèvre", page.Heading!.BeneficiaryName);
    }

    [Fact]
    public async Task OnGet_BilanCancelled_SaysThereIsNoSurvey()
    {
        NoneRecorded();
        var page = Create(BilanHeadings.Bilan(BilanId.ToString(), State.Cancelled));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Ce bilan a été annulé avant son début : il n'a pas de questionnaire de satisfaction.", page.NotYet);
    }

    [Theory]
    [InlineData(State.Completed)]
    [InlineData(State.FollowUp)]
    [InlineData(State.Closed)]
    [InlineData(State.Abandoned)]
    public async Task OnGet_BilanEnded_TheFormIsOffered(State state)
    {
        NoneRecorded();
        var page = Create(BilanHeadings.Bilan(BilanId.ToString(), state));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.NotYet);
        Assert.NotNull(page.Heading);
    }

    [Fact]
    public async Task OnGet_BilanUnreadable_TheFormIsOfferedAndTheApiDecides()
    {
        NoneRecorded();
        var page = Create(BilanHeadings.BilanFails());

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Heading);
        Assert.Null(page.NotYet);
        Assert.Null(page.ErrorMessage);
    }

    [Fact]
    public async Task OnPost_Refused_ThePageShownAgainNamesTheBilan()
    {
        _quality.RecordSatisfactionSurveyAsync(Arg.Any<RecordSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SatisfactionSurvey>(QualityCalls.Invalid(("survey.goals_score", "La note de l'atteinte des objectifs doit être comprise entre 1 et 5."))));
        var page = Create();
        page.Saisie = new() { NoteGlobale = 4, NoteObjectifs = 9, DateReponse = new DateOnly(2026, 11, 26) };

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal(("Sophie Lefèvre", "terminé"), (page.Heading?.BeneficiaryName, page.Heading?.StateLabel));
    }

    private void NoneRecorded() =>
        _quality.GetSatisfactionSurveyAsync(Arg.Any<GetSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SatisfactionSurvey>(ApiCalls.Error(StatusCode.NotFound, "Aucun questionnaire.")));

    private SatisfactionPage Create(BilanService.BilanServiceClient? bilans = null) =>
        new(_quality, bilans ?? BilanHeadings.Bilan(BilanId.ToString(), State.Completed), BilanHeadings.Beneficiaries(),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)), NullLogger<SatisfactionPage>.Instance)
        {
            Id = BilanId,
            PageContext = new PageContext(),
        };
}
