using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using AutorisationPage = Bilan.BackOffice.Pages.Bilans.AutorisationModel;
using Date = Google.Type.Date;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class AutorisationModelTests
{
    private static readonly Guid BilanId = Guid.Parse("0193a3c4-0000-7000-8000-000000000201");

    private static readonly string Name = $"bilans/{BilanId}/workingTimeAuthorization";

    private readonly WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient _authorizations =
        Substitute.For<WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient>();

    private readonly BilanService.BilanServiceClient _bilans = Substitute.For<BilanService.BilanServiceClient>();

    public AutorisationModelTests()
    {
        AuthorizationIs(Awaiting());
        BilanIs(WorkingTime.PartlyDuring, FundingSource.Cpf);
    }

    [Fact]
    public async Task OnGetAsync_Required_ShowsWhyTheDeadlinesAndFillsTheForms()
    {
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.ErrorMessage);
        Assert.True(page.Editable);
        Assert.Equal("en attente de la réponse de l'employeur", StartConditionLabels.Of(page.Authorization!.State));
        Assert.StartsWith("Le bilan est financé par le CPF et se déroule en partie sur le temps de travail", page.Why, StringComparison.Ordinal);
        Assert.Contains("D6323-4", page.Why, StringComparison.Ordinal);
        Assert.Equal(
            ("01/02/2027", "15/01/2027", "14/02/2027", "15/02/2027"),
            (CalendarDates.Format(page.Authorization.LatestRequestDate), CalendarDates.Format(page.Authorization.RequestDate),
                CalendarDates.Format(page.Authorization.AnswerDeadline), CalendarDates.Format(page.Authorization.DeemedGrantedDate)));
        Assert.Equal(new DateOnly(2027, 1, 15), page.Demande.Date);
        Assert.Equal("W/\"2\"", page.Etag);
        Assert.False(string.IsNullOrEmpty(page.Demande.RequestId));
        Assert.NotEqual(page.Demande.RequestId, page.Reponse.RequestId);
    }

    [Theory]
    [InlineData(WorkingTime.Outside, FundingSource.Cpf, "Le bilan se déroule hors temps de travail : aucune autorisation de l'employeur n'est nécessaire")]
    [InlineData(WorkingTime.During, FundingSource.EmployerPlan, "Le bilan n'est pas financé par le CPF (financement : Plan de développement des compétences de l'employeur)")]
    public async Task OnGetAsync_NotRequired_SaysWhyAndOffersNoForm(WorkingTime workingTime, FundingSource source, string why)
    {
        AuthorizationIs(new WorkingTimeAuthorization { Name = Name, Required = false, State = WorkingTimeAuthorizationState.NotRequired, Etag = "W/\"0\"" });
        BilanIs(workingTime, source);
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.StartsWith(why, page.Why, StringComparison.Ordinal);
        Assert.False(page.Editable);
    }

    [Fact]
    public async Task OnGetAsync_BilanStarted_FormsHidden()
    {
        BilanIs(WorkingTime.During, FundingSource.Cpf, State.Preliminary);
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.False(page.Editable);
    }

    [Fact]
    public async Task OnPostDemandeAsync_Accepted_SendsTheDateEtagAndRequestIdThenRedirects()
    {
        RequestWorkingTimeAuthorizationRequest? sent = null;
        _authorizations.RequestWorkingTimeAuthorizationAsync(Arg.Do<RequestWorkingTimeAuthorizationRequest>(r => sent = r), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create();
        page.Etag = "W/\"2\"";
        page.Demande = new AutorisationPage.RequestInput { Date = new DateOnly(2027, 1, 10), RequestId = "0193a3c4-0000-7000-8000-0000000000aa" };

        var result = await page.OnPostDemandeAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal((Name, "W/\"2\"", "0193a3c4-0000-7000-8000-0000000000aa"), (sent!.Name, sent.Etag, sent.RequestId));
        Assert.Equal(new Date { Year = 2027, Month = 1, Day = 10 }, sent.RequestDate);
    }

    [Fact]
    public async Task OnPostDemandeAsync_TooLate_ShowsTheApiFrenchMessageAndKeepsTheDate()
    {
        const string French = "La demande doit être faite au plus tard le 01/02/2027, 60 jours avant le début du bilan (article D6323-4 du Code du travail).";
        _authorizations.RequestWorkingTimeAuthorizationAsync(Arg.Any<RequestWorkingTimeAuthorizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<WorkingTimeAuthorization>(ApiCalls.Error(StatusCode.FailedPrecondition, French, "WORKING_TIME_AUTHORIZATION_TOO_LATE")));
        var page = Create();
        page.Demande = new AutorisationPage.RequestInput { Date = new DateOnly(2027, 2, 20), RequestId = "r1" };

        var result = await page.OnPostDemandeAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(French, page.ErrorMessage);
        Assert.False(page.Stale);
        Assert.Equal((new DateOnly(2027, 2, 20), "r1"), (page.Demande.Date, page.Demande.RequestId));
        Assert.NotNull(page.Authorization);
    }

    [Fact]
    public async Task OnPostReponseAsync_Accepted_SendsTheAnswerThenRedirects()
    {
        RecordEmployerAnswerRequest? sent = null;
        _authorizations.RecordEmployerAnswerAsync(Arg.Do<RecordEmployerAnswerRequest>(r => sent = r), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create();
        page.Etag = "W/\"2\"";
        page.Reponse = new AutorisationPage.AnswerInput { Decision = EmployerAnswer.Refused, Date = new DateOnly(2027, 1, 20), RequestId = "r2" };

        var result = await page.OnPostReponseAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal((Name, EmployerAnswer.Refused, 20, "W/\"2\"", "r2"), (sent!.Name, sent.Answer, sent.AnswerDate.Day, sent.Etag, sent.RequestId));
    }

    [Fact]
    public async Task OnPostReponseAsync_InvalidFields_EachFieldGetsItsFrenchMessage()
    {
        _authorizations.RecordEmployerAnswerAsync(Arg.Any<RecordEmployerAnswerRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<WorkingTimeAuthorization>(SignedInPages.Invalid(
                ("answer", "La réponse de l'employeur est obligatoire (accordée ou refusée)."),
                ("answer_date", "La réponse de l'employeur ne peut pas précéder la demande."))));
        var page = Create();
        page.Reponse = new AutorisationPage.AnswerInput { Date = new DateOnly(2027, 1, 2) };

        var result = await page.OnPostReponseAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["La réponse de l'employeur est obligatoire (accordée ou refusée)."], SignedInPages.ErrorsOf(page.ModelState, "Reponse.Decision"));
        Assert.Equal(["La réponse de l'employeur ne peut pas précéder la demande."], SignedInPages.ErrorsOf(page.ModelState, "Reponse.Date"));
        Assert.Equal(new DateOnly(2027, 1, 2), page.Reponse.Date);
    }

    [Fact]
    public async Task OnPostReponseAsync_SomeoneElseChangedIt_OffersToReload()
    {
        _authorizations.RecordEmployerAnswerAsync(Arg.Any<RecordEmployerAnswerRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<WorkingTimeAuthorization>(SignedInPages.Stale()));
        var page = Create();
        page.Reponse = new AutorisationPage.AnswerInput { Decision = EmployerAnswer.Granted, Date = new DateOnly(2027, 1, 20) };

        await page.OnPostReponseAsync(CancellationToken.None);

        Assert.True(page.Stale);
        Assert.Equal("Quelqu'un d'autre a modifié cet élément entre-temps.", page.ErrorMessage);
    }

    [Fact]
    public async Task OnPostDemandeAsync_NotTheirBilan_ShowsTheApiFrenchRefusal()
    {
        const string French = "Vous ne pouvez modifier que les bilans qui vous sont confiés.";
        _authorizations.RequestWorkingTimeAuthorizationAsync(Arg.Any<RequestWorkingTimeAuthorizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<WorkingTimeAuthorization>(ApiCalls.Error(StatusCode.PermissionDenied, French, "PERMISSION_DENIED")));
        var page = Create();
        page.Demande = new AutorisationPage.RequestInput { Date = new DateOnly(2027, 1, 10) };

        await page.OnPostDemandeAsync(CancellationToken.None);

        Assert.Equal(French, page.ErrorMessage);
    }

    [Fact]
    public async Task OnGetAsync_ApiUnavailable_ShowsTheFrenchFallback()
    {
        _authorizations.GetWorkingTimeAuthorizationAsync(Arg.Any<GetWorkingTimeAuthorizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<WorkingTimeAuthorization>(new RpcException(new Status(StatusCode.Unavailable, "down"))));
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Authorization);
        Assert.Equal("Le service Bilan est momentanément injoignable : réessayez dans un instant.", page.ErrorMessage);
    }

    [Fact]
    public async Task OnGetAsync_OneReadOfTheBilanServesTheHeadingAndTheDeadlines()
    {
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(("Sophie Lefèvre", "demandé"), (page.Heading!.BeneficiaryName, page.Heading.StateLabel));
        Assert.Equal("02/04/2027", CalendarDates.Format(page.Bilan!.PlannedStartDate));
        _ = _bilans.Received(1).GetBilanAsync(Arg.Is<GetBilanRequest>(r => r.Name == $"bilans/{BilanId}"), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_BilanUnreadable_TheAuthorisationStillShowsWithoutAnError()
    {
        _bilans.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Contracts.V1.Bilan>(new RpcException(new Status(StatusCode.Unavailable, "down"))));
        var page = Create();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Heading);
        Assert.Null(page.ErrorMessage);
        Assert.Equal("01/02/2027", CalendarDates.Format(page.Authorization!.LatestRequestDate));
    }

    private AutorisationPage Create() =>
        new(_authorizations, _bilans, BilanHeadings.Beneficiaries(), NullLogger<AutorisationPage>.Instance) { Id = BilanId, PageContext = new PageContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext() } };

    private void AuthorizationIs(WorkingTimeAuthorization authorization) =>
        _authorizations.GetWorkingTimeAuthorizationAsync(Arg.Any<GetWorkingTimeAuthorizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(authorization));

    private void BilanIs(WorkingTime workingTime, FundingSource source, State state = State.Requested) =>
        _bilans.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Contracts.V1.Bilan
            {
                Name = $"bilans/{BilanId}",
                Beneficiary = BilanHeadings.BeneficiaryName,
                State = state,
                WorkingTime = workingTime,
                FundingSource = source,
                PlannedStartDate = new Date { Year = 2027, Month = 4, Day = 2 },
            }));

    private static WorkingTimeAuthorization Awaiting() => new()
    {
        Name = Name,
        Required = true,
        State = WorkingTimeAuthorizationState.AwaitingAnswer,
        LatestRequestDate = new Date { Year = 2027, Month = 2, Day = 1 },
        RequestDate = new Date { Year = 2027, Month = 1, Day = 15 },
        AnswerDeadline = new Date { Year = 2027, Month = 2, Day = 14 },
        DeemedGrantedDate = new Date { Year = 2027, Month = 2, Day = 15 },
        Etag = "W/\"2\"",
    };
}
