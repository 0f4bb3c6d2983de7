using System.Security.Claims;
using Bilan.BackOffice.Pages.Bilans;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using FundingMessage = Bilan.Contracts.V1.Funding;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class FinancementModelTests
{
    private const string BilanId = "0193a3c4-0000-7000-8000-0000000000b1";
    private const string LineId = "0193a3c4-0000-7000-8000-0000000000f1";

    [Fact]
    public async Task OnGetAsync_CpfLine_FrenchLabelsTermsDossierAndDeadlines()
    {
        var client = Listing(CpfLine());
        var page = Create(client);

        await page.OnGetAsync(CancellationToken.None);

        var line = Assert.Single(page.Lines);
        Assert.Equal(("CPF (Mon Compte Formation)", "1\u202f500,00 €", "demandée", "02/11/2026"), (line.Funder, line.Amount, line.Status, line.Requested));
        Assert.Equal("plafond CPF 1\u202f600,00 € (depuis le 01/01/2026) ; participation forfaitaire du titulaire 103,20 € (depuis le 01/01/2026)", line.CpfTerms);
        Assert.Equal(("EDOF-123", "Non traité"), (line.EdofNumber, line.EdofState));
        Assert.Equal(new DeadlineRow("Réponse à la demande (2 jours ouvrés)", "04/11/2026", "dépassée", Alert: true), Assert.Single(line.Deadlines));
        Assert.Equal(["Validé", "Refusé par l'organisme", "Annulé par le titulaire", "Annulé sans suite"], line.EdofMoves.Select(m => m.Label));
        Assert.True(page.CanChange);
        _ = client.Received(1).ListFundingsAsync(Arg.Is<ListFundingsRequest>(r => r.Parent == $"bilans/{BilanId}"), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_Support_ReadsWithoutForms()
    {
        var page = Create(Listing(CpfLine()), SessionClaims.SupportRole);

        await page.OnGetAsync(CancellationToken.None);

        Assert.False(page.CanChange);
        Assert.Single(page.Lines);
    }

    [Fact]
    public async Task OnGetAsync_ApiRefuses_FrenchMessage()
    {
        var client = Substitute.For<FundingService.FundingServiceClient>();
        client.ListFundingsAsync(Arg.Any<ListFundingsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListFundingsResponse>(ApiCalls.Error(StatusCode.PermissionDenied, "Ce bilan ne vous est pas confié.", "NOT_YOUR_BILAN")));
        var page = Create(client);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Ce bilan ne vous est pas confié.", page.ErrorMessage);
        Assert.Empty(page.Lines);
    }

    [Fact]
    public async Task OnPostAjouterAsync_FrenchAmount_CreatesInCentsAndRedirects()
    {
        var client = Listing();
        client.CreateFundingAsync(Arg.Any<CreateFundingRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new FundingMessage()));
        var page = Create(client);
        page.Saisie = new NewFunding { Type = "3", Montant = "1 800,50 €", DateDemande = new DateOnly(2026, 11, 2), RequestId = "1b4e28ba-2fa1-11d2-883f-0016d3cca427" };

        var result = await page.OnPostAjouterAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        _ = client.Received(1).CreateFundingAsync(
            Arg.Is<CreateFundingRequest>(r => r.Parent == $"bilans/{BilanId}" && r.Funding.FunderType == FunderType.Opco && r.Funding.AmountCents == 180_050
                && r.Funding.RequestedDate.Day == 2 && r.Funding.EdofDossier == null && r.RequestId == "1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("mille euros")]
    [InlineData("-12")]
    [InlineData("12,345")]
    public async Task OnPostAjouterAsync_NotAnAmount_FieldErrorWithoutCallingTheApi(string amount)
    {
        var client = Listing();
        var page = Create(client);
        page.Saisie = new NewFunding { Type = "3", Montant = amount };

        var result = await page.OnPostAjouterAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.ModelState.ContainsKey("Saisie.Montant"));
        _ = client.DidNotReceive().CreateFundingAsync(Arg.Any<CreateFundingRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostAjouterAsync_CpfRuleRefuses_FrenchMessageAndTypedValuesKept()
    {
        var client = Listing();
        client.CreateFundingAsync(Arg.Any<CreateFundingRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FundingMessage>(ApiCalls.Error(StatusCode.FailedPrecondition,
                "Le CPF finance au plus 1 600,00 € par bilan (valeur en vigueur depuis le 01/01/2026, pour une demande du 02/11/2026).", "CPF_CAP_EXCEEDED")));
        var page = Create(client);
        page.Saisie = new NewFunding { Type = "1", Montant = "1 900", Heures = 20 };

        var result = await page.OnPostAjouterAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Contains("depuis le 01/01/2026", page.ModelState[string.Empty]!.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("1 900", page.Saisie.Montant);
    }

    [Fact]
    public async Task OnPostAjouterAsync_BadFields_EachOnItsField()
    {
        var client = Listing();
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
        {
            Field = "funding.funded_hours",
            LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "Le nombre d'heures d'accompagnement financées est obligatoire pour le CPF (de 1 à 24)." },
        });
        client.CreateFundingAsync(Arg.Any<CreateFundingRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FundingMessage>(ApiCalls.Error(StatusCode.InvalidArgument, "Certaines informations sont invalides.", "INVALID_FIELDS", badRequest)));
        var page = Create(client);
        page.Saisie = new NewFunding { Type = "1", Montant = "1500" };

        await page.OnPostAjouterAsync(CancellationToken.None);

        Assert.StartsWith("Le nombre d'heures", page.ModelState["Saisie.Heures"]!.Errors.Single().ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnPostAccepterAsync_StaleEtag_OffersReload()
    {
        var client = Listing(CpfLine());
        client.AcceptFundingAsync(Arg.Any<AcceptFundingRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FundingMessage>(ApiCalls.Error(StatusCode.Aborted, null, "ETAG_MISMATCH")));
        var page = Create(client);
        page.Changement = new LineChange { Ligne = LineId, Etag = "3" };

        var result = await page.OnPostAccepterAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.Stale);
        Assert.Equal("Quelqu’un d’autre a modifié cet élément entre-temps : rechargez la page.", page.ModelState[string.Empty]!.Errors.Single().ErrorMessage);
        _ = client.Received(1).AcceptFundingAsync(Arg.Is<AcceptFundingRequest>(r => r.Name == $"bilans/{BilanId}/fundings/{LineId}" && r.Etag == "3"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostEdofAsync_Validated_SendsStateAndTrainingDates()
    {
        var client = Listing();
        client.TransitionEdofDossierAsync(Arg.Any<TransitionEdofDossierRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new FundingMessage()));
        var page = Create(client);
        page.Changement = new LineChange
        {
            Ligne = LineId, Etag = "1", Etat = "2", Date = new DateOnly(2026, 11, 5),
            DebutFormation = new DateOnly(2026, 11, 23), FinFormation = new DateOnly(2027, 1, 29),
        };

        var result = await page.OnPostEdofAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        _ = client.Received(1).TransitionEdofDossierAsync(
            Arg.Is<TransitionEdofDossierRequest>(r => r.State == EdofState.Validated && r.EffectiveDate.Day == 5 && r.TrainingStartDate.Day == 23
                && r.TrainingEndDate.Year == 2027 && r.EntryDate == null),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostRefuserAsync_EdofRuleRefuses_ShowsFrenchMessage()
    {
        var client = Listing();
        client.RefuseFundingAsync(Arg.Any<RefuseFundingRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FundingMessage>(ApiCalls.Error(StatusCode.FailedPrecondition,
                "La prise en charge est payée : elle ne peut pas devenir refusée (aucun changement n'est plus possible).", "FUNDING_ILLEGAL_TRANSITION")));
        var page = Create(client);
        page.Changement = new LineChange { Ligne = LineId, Motif = "Budget épuisé" };

        await page.OnPostRefuserAsync(CancellationToken.None);

        Assert.StartsWith("La prise en charge est payée", page.ModelState[string.Empty]!.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.False(page.Stale);
    }

    [Fact]
    public async Task OnGetAsync_NamesWhoseBilanItIsAndWhereItStands()
    {
        var page = Create(Listing(CpfLine()));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(("Sophie Lefèvre", "phase de conclusion", BilanId), (page.Heading!.BeneficiaryName, page.Heading.StateLabel, page.BilanId));
    }

    [Fact]
    public async Task OnGetAsync_BilanUnreadable_TheLinesStillShowWithoutAnError()
    {
        var page = Create(Listing(CpfLine()), bilans: BilanHeadings.BilanFails());

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Heading);
        Assert.Null(page.ErrorMessage);
        Assert.Single(page.Lines);
    }

    private static FundingMessage CpfLine()
    {
        var dossier = new EdofDossier { DossierNumber = "EDOF-123", State = EdofState.NotProcessed, ReceiveDate = Day(2026, 11, 2) };
        dossier.Deadlines.Add(new EdofDeadline { Kind = EdofDeadlineKind.Answer, DueDate = Day(2026, 11, 4), Status = DeadlineStatus.Overdue });
        return new FundingMessage
        {
            Name = $"bilans/{BilanId}/fundings/{LineId}",
            FunderType = FunderType.Cpf,
            FunderName = "Mon Compte Formation (Caisse des Dépôts)",
            AmountCents = 150_000,
            Status = FundingStatus.Requested,
            RequestedDate = Day(2026, 11, 2),
            FundedHours = 20,
            Etag = "1",
            EdofDossier = dossier,
            CpfTerms = new CpfTerms
            {
                CapCents = 160_000, CapEffectiveDate = Day(2026, 1, 1),
                HolderContributionCents = 10_320, HolderContributionEffectiveDate = Day(2026, 1, 1),
            },
        };
    }

    private static Google.Type.Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static FundingService.FundingServiceClient Listing(params FundingMessage[] lines)
    {
        var response = new ListFundingsResponse();
        response.Fundings.AddRange(lines);
        var client = Substitute.For<FundingService.FundingServiceClient>();
        client.ListFundingsAsync(Arg.Any<ListFundingsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(response));
        return client;
    }

    private static FinancementModel Create(
        FundingService.FundingServiceClient client, string role = SessionClaims.ConsultantRole, BilanService.BilanServiceClient? bilans = null)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Jeanne Martin"), new Claim(ClaimTypes.Role, role)], "Cookies"));
        return new FinancementModel(client, bilans ?? BilanHeadings.Bilan(BilanId), BilanHeadings.Beneficiaries(), NullLogger<FinancementModel>.Instance)
        {
            Id = BilanId,
            PageContext = new PageContext { HttpContext = new DefaultHttpContext { User = user } },
        };
    }
}
