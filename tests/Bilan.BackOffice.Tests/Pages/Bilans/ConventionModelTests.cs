using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using ConventionPage = Bilan.BackOffice.Pages.Bilans.ConventionModel;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class ConventionModelTests
{
    private static readonly Guid BilanId = Guid.Parse("0193a3c4-0000-7000-8000-000000000101");

    private static readonly string Name = $"bilans/{BilanId}/convention";

    [Fact]
    public async Task OnGetAsync_Convention_ShowsItsStateDatesAndFillsTheForm()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        client.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create(client);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.ErrorMessage);
        Assert.Equal("en attente de signatures", ConventionPage.FrenchState(page.Convention!.State));
        Assert.Equal("12/03/2026", ConventionPage.Format(page.Convention.EmployeeSignatureDeadline));
        Assert.Equal("Bilan de compétences", page.Contenu.Intitule);
        Assert.Equal(1850.5m, page.Contenu.PrixEuros);
        Assert.Equal(new DateOnly(2026, 4, 1), page.Contenu.DebutPeriode);
        Assert.Equal("3", page.Etag);
        Assert.Equal("salarié, prestataire", string.Join(", ", page.Convention.MissingSignatures.Select(ConventionPage.FrenchParty)));
    }

    [Fact]
    public async Task OnGetAsync_NoneDrafted_EmptyFormWithoutError()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        client.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Convention>(ApiCalls.Error(StatusCode.NotFound, "Aucune convention tripartite n'est rédigée pour ce bilan.", "RESOURCE_NOT_FOUND")));
        var page = Create(client);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Convention);
        Assert.Null(page.ErrorMessage);
    }

    [Fact]
    public async Task OnPostContenuAsync_Accepted_SendsTheContentAndRedirects()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        UpdateConventionRequest? sent = null;
        client.UpdateConventionAsync(Arg.Do<UpdateConventionRequest>(r => sent = r), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create(client);
        page.Etag = "3";
        page.Contenu = ConventionPage.ConventionInput.From(Awaiting());

        var result = await page.OnPostContenuAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal(Name, sent!.Convention.Name);
        Assert.Equal("3", sent.Convention.Etag);
        Assert.Equal(1850.5, sent.Convention.PriceEuros);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 4, Day = 1 }, sent.Convention.PeriodStart);
    }

    [Fact]
    public async Task OnPostContenuAsync_MissingItems_EachFieldGetsItsFrenchMessageAndTheFormIsKept()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
        {
            Field = "convention.means",
            Description = "Required.",
            LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "La description des moyens est obligatoire." },
        });
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
        {
            Field = "convention.price_euros",
            Description = "Required.",
            LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "Le prix est obligatoire." },
        });
        client.UpdateConventionAsync(Arg.Any<UpdateConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Convention>(ApiCalls.Error(StatusCode.InvalidArgument, "Certaines informations sont invalides.", "INVALID_FIELDS", badRequest)));
        client.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Convention>(ApiCalls.Error(StatusCode.NotFound, "Aucune convention.", "RESOURCE_NOT_FOUND")));
        var page = Create(client);
        page.Contenu = new ConventionPage.ConventionInput { Intitule = "Mon intitulé" };

        var result = await page.OnPostContenuAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal("La description des moyens est obligatoire.", page.ModelState["Contenu.Moyens"]!.Errors.Single().ErrorMessage);
        Assert.Equal("Le prix est obligatoire.", page.ModelState["Contenu.PrixEuros"]!.Errors.Single().ErrorMessage);
        Assert.Equal("Mon intitulé", page.Contenu.Intitule);
        Assert.False(page.Stale);
    }

    [Fact]
    public async Task OnPostSignatureAsync_EmployeeTooLate_ShowsTheApiFrenchMessage()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        const string French = "Le salarié avait jusqu'au 12/03/2026 (10 jours après réception) pour signer : son silence vaut refus (article R6313-8 du Code du travail).";
        SignConventionRequest? sent = null;
        client.SignConventionAsync(Arg.Do<SignConventionRequest>(r => sent = r), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Convention>(ApiCalls.Error(StatusCode.FailedPrecondition, French, "CONVENTION_DEEMED_REFUSED")));
        client.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create(client);
        page.Signature = new ConventionPage.SignatureInput { Partie = ConventionParty.Employee, Date = new DateOnly(2026, 3, 13) };

        var result = await page.OnPostSignatureAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(French, page.ErrorMessage);
        Assert.Equal((ConventionParty.Employee, 13), (sent!.Party, sent.SignedDate.Day));
        Assert.NotNull(page.Convention);
    }

    [Fact]
    public async Task OnPostRemiseAsync_SomeoneElseChangedIt_OffersToReload()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        client.SendConventionAsync(Arg.Any<SendConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Convention>(ApiCalls.Error(StatusCode.Aborted, null, "ETAG_MISMATCH")));
        client.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create(client);
        page.Remise = new ConventionPage.DateInput { Envoi = new DateOnly(2026, 3, 1), Date = new DateOnly(2026, 3, 2) };

        await page.OnPostRemiseAsync(CancellationToken.None);

        Assert.True(page.Stale);
        Assert.Equal("Quelqu’un d’autre a modifié cet élément entre-temps : rechargez la page.", page.ErrorMessage);
    }

    [Fact]
    public async Task OnPostRefusAsync_Accepted_SendsTheDateAndRedirects()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        RefuseConventionRequest? sent = null;
        client.RefuseConventionAsync(Arg.Do<RefuseConventionRequest>(r => sent = r), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create(client);
        page.Etag = "4";
        page.Refus = new ConventionPage.DateInput { Date = new DateOnly(2026, 3, 5) };

        var result = await page.OnPostRefusAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal((Name, "4", 5), (sent!.Name, sent.Etag, sent.RefusedDate.Day));
    }

    [Fact]
    public async Task OnGetAsync_NamesWhoseBilanItIsAndWhereItStands()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        client.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create(client);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(("Sophie Lefèvre", "demandé"), (page.Heading!.BeneficiaryName, page.Heading.StateLabel));
    }

    [Fact]
    public async Task OnPostSignatureAsync_Refused_ThePageShownAgainStillNamesTheBilan()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        client.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        client.SignConventionAsync(Arg.Any<SignConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Convention>(SignedInPages.Stale()));
        var page = Create(client);
        page.Signature = new ConventionPage.SignatureInput { Partie = ConventionParty.Employee, Date = new DateOnly(2026, 3, 4) };

        var result = await page.OnPostSignatureAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.Stale);
        Assert.Equal("Sophie Lefèvre", page.Heading?.BeneficiaryName);
    }

    [Fact]
    public async Task OnGetAsync_BilanUnreadable_TheConventionStillShowsWithoutAnError()
    {
        var client = Substitute.For<ConventionService.ConventionServiceClient>();
        client.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Awaiting()));
        var page = Create(client, BilanHeadings.BilanFails(ApiCalls.Error(StatusCode.PermissionDenied, "Accès refusé.")));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Heading);
        Assert.Null(page.ErrorMessage);
        Assert.Equal("Bilan de compétences", page.Contenu.Intitule);
    }

    private static ConventionPage Create(ConventionService.ConventionServiceClient client, BilanService.BilanServiceClient? bilans = null) =>
        new(client, bilans ?? BilanHeadings.Bilan(BilanId.ToString(), State.Requested), BilanHeadings.Beneficiaries(), NullLogger<ConventionPage>.Instance)
        {
            Id = BilanId,
            PageContext = new PageContext { HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext() },
        };

    private static Convention Awaiting()
    {
        var convention = new Convention
        {
            Name = Name,
            Title = "Bilan de compétences",
            ObjectiveAndContent = "Objectif.",
            Means = "Moyens.",
            DurationHours = 24,
            PeriodStart = new Google.Type.Date { Year = 2026, Month = 4, Day = 1 },
            PeriodEnd = new Google.Type.Date { Year = 2026, Month = 7, Day = 31 },
            ConductAndFollowUp = "Déroulement.",
            ResultsHandover = "Remise.",
            PriceEuros = 1850.5,
            PaymentTerms = "30 jours.",
            State = ConventionState.AwaitingSignatures,
            SentDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 1 },
            ReceivedDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 2 },
            EmployeeSignatureDeadline = new Google.Type.Date { Year = 2026, Month = 3, Day = 12 },
            EmployerSignedDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 1 },
            Etag = "3",
        };
        convention.MissingSignatures.Add(ConventionParty.Employee);
        convention.MissingSignatures.Add(ConventionParty.Provider);
        return convention;
    }
}
