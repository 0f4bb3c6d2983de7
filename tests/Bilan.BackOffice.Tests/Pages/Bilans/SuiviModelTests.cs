using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Date = Google.Type.Date;
using State = Bilan.Contracts.V1.Bilan.Types.State;
using SuiviPage = Bilan.BackOffice.Pages.Bilans.SuiviModel;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class SuiviModelTests
{
    private static readonly Guid BilanId = Guid.Parse("0193a3c4-0000-7000-8000-000000000301");

    private static readonly string Name = $"bilans/{BilanId}/followUp";

    private readonly FollowUpService.FollowUpServiceClient _followUps = Substitute.For<FollowUpService.FollowUpServiceClient>();

    public SuiviModelTests() => FollowUpIs(Proposed());

    [Theory]
    [InlineData(FollowUpState.Proposed, "proposé (aucun entretien de suivi planifié)", true)]
    [InlineData(FollowUpState.Scheduled, "entretien de suivi planifié", true)]
    [InlineData(FollowUpState.Held, "entretien de suivi réalisé", false)]
    [InlineData(FollowUpState.Declined, "décliné par le bénéficiaire", false)]
    public async Task OnGetAsync_EachState_FrenchLabelAndFormsOnlyWhileOpen(FollowUpState state, string label, bool open)
    {
        var followUp = Proposed();
        followUp.State = state;
        FollowUpIs(followUp);
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(label, StartConditionLabels.Of(page.FollowUp!.State));
        Assert.Equal(open, page.Open);
    }

    [Fact]
    public async Task OnGetAsync_Proposed_ShowsTheDatesAndFillsTheDelay()
    {
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.ErrorMessage);
        Assert.Equal(("15/03/2027", "15/09/2027"), (CalendarDates.Format(page.FollowUp!.CompletionDate), CalendarDates.Format(page.FollowUp.ProposedDate)));
        Assert.Equal(6, page.Delai.Mois);
        Assert.Equal("W/\"1\"", page.Etag);
        Assert.False(string.IsNullOrEmpty(page.Delai.RequestId));
        Assert.NotEqual(page.Delai.RequestId, page.Declin.RequestId);
    }

    [Fact]
    public async Task OnGetAsync_BilanNotCompleted_SaysSoWithoutError()
    {
        const string French = "Aucun entretien de suivi n'est proposé : le bilan n'est pas encore terminé.";
        _followUps.GetFollowUpAsync(Arg.Any<GetFollowUpRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FollowUp>(ApiCalls.Error(StatusCode.NotFound, French, "RESOURCE_NOT_FOUND")));
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.FollowUp);
        Assert.Null(page.ErrorMessage);
        Assert.Equal(French, page.NoFollowUp);
        Assert.False(page.Open);
    }

    [Fact]
    public async Task OnPostDelaiAsync_Accepted_SendsTheDelayEtagAndRequestIdThenRedirects()
    {
        UpdateFollowUpRequest? sent = null;
        _followUps.UpdateFollowUpAsync(Arg.Do<UpdateFollowUpRequest>(r => sent = r), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Proposed()));
        var page = Create();
        page.Etag = "W/\"1\"";
        page.Delai = new SuiviPage.DelayInput { Mois = 9, RequestId = "r1" };

        var result = await page.OnPostDelaiAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal((Name, 9, "W/\"1\"", "r1"), (sent!.FollowUp.Name, sent.FollowUp.DelayMonths, sent.FollowUp.Etag, sent.RequestId));
    }

    [Fact]
    public async Task OnPostDelaiAsync_OutOfRange_FrenchMessageNextToTheFieldAndTheTypedValueKept()
    {
        const string French = "Le délai de l'entretien de suivi doit être compris entre 1 et 12 mois.";
        _followUps.UpdateFollowUpAsync(Arg.Any<UpdateFollowUpRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FollowUp>(SignedInPages.Invalid(("follow_up.delay_months", French))));
        var page = Create();
        page.Delai = new SuiviPage.DelayInput { Mois = 13, RequestId = "r1" };

        var result = await page.OnPostDelaiAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal([French], SignedInPages.ErrorsOf(page.ModelState, "Delai.Mois"));
        Assert.Equal(13, page.Delai.Mois);
        Assert.NotNull(page.FollowUp);
    }

    [Fact]
    public async Task OnPostDeclinAsync_Accepted_SendsTheDateThenRedirects()
    {
        DeclineFollowUpRequest? sent = null;
        _followUps.DeclineFollowUpAsync(Arg.Do<DeclineFollowUpRequest>(r => sent = r), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Proposed()));
        var page = Create();
        page.Etag = "W/\"1\"";
        page.Declin = new SuiviPage.DeclineInput { Date = new DateOnly(2027, 4, 2), RequestId = "r2" };

        var result = await page.OnPostDeclinAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal((Name, "W/\"1\"", "r2"), (sent!.Name, sent.Etag, sent.RequestId));
        Assert.Equal(new Date { Year = 2027, Month = 4, Day = 2 }, sent.DeclinedDate);
    }

    [Fact]
    public async Task OnPostDeclinAsync_InterviewScheduled_ShowsTheApiFrenchMessage()
    {
        const string French = "Un entretien de suivi est planifié : annulez-le avant d'enregistrer le refus du bénéficiaire.";
        _followUps.DeclineFollowUpAsync(Arg.Any<DeclineFollowUpRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FollowUp>(ApiCalls.Error(StatusCode.FailedPrecondition, French, "FOLLOW_UP_INTERVIEW_SCHEDULED")));
        var page = Create();
        page.Declin = new SuiviPage.DeclineInput { Date = new DateOnly(2027, 4, 2) };

        var result = await page.OnPostDeclinAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(French, page.ErrorMessage);
        Assert.False(page.Stale);
        Assert.Equal(new DateOnly(2027, 4, 2), page.Declin.Date);
    }

    [Fact]
    public async Task OnPostDeclinAsync_SomeoneElseChangedIt_OffersToReload()
    {
        _followUps.DeclineFollowUpAsync(Arg.Any<DeclineFollowUpRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FollowUp>(SignedInPages.Stale()));
        var page = Create();
        page.Declin = new SuiviPage.DeclineInput { Date = new DateOnly(2027, 4, 2) };

        await page.OnPostDeclinAsync(CancellationToken.None);

        Assert.True(page.Stale);
        Assert.Equal("Quelqu'un d'autre a modifié cet élément entre-temps.", page.ErrorMessage);
    }

    [Fact]
    public async Task OnGetAsync_NamesWhoseBilanItIsAndWhereItStands()
    {
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(("Sophie Lefèvre", "terminé", BilanId.ToString()), (page.Heading!.BeneficiaryName, page.Heading.StateLabel, page.BilanId));
    }

    [Fact]
    public async Task OnGetAsync_BilanUnreadable_TheFollowUpStillShowsWithoutAnError()
    {
        var page = Create(BilanHeadings.BilanFails());

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Heading);
        Assert.Null(page.ErrorMessage);
        Assert.Equal("15/09/2027", CalendarDates.Format(page.FollowUp!.ProposedDate));
    }

    private SuiviPage Create(BilanService.BilanServiceClient? bilans = null) =>
        new(_followUps, bilans ?? BilanHeadings.Bilan(BilanId.ToString(), State.Completed), BilanHeadings.Beneficiaries(), NullLogger<SuiviPage>.Instance)
        {
            Id = BilanId,
            PageContext = new PageContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext() },
        };

    private void FollowUpIs(FollowUp followUp) =>
        _followUps.GetFollowUpAsync(Arg.Any<GetFollowUpRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(followUp));

    private static FollowUp Proposed() => new()
    {
        Name = Name,
        CompletionDate = new Date { Year = 2027, Month = 3, Day = 15 },
        DelayMonths = 6,
        ProposedDate = new Date { Year = 2027, Month = 9, Day = 15 },
        State = FollowUpState.Proposed,
        Etag = "W/\"1\"",
    };
}
