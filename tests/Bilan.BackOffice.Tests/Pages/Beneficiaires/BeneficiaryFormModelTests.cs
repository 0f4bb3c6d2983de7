using Bilan.BackOffice.Pages.Beneficiaires;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages.Beneficiaires;

/// <summary>The create (Nouveau) and edit (Modifier) pages of a beneficiary.</summary>
public sealed class BeneficiaryFormModelTests
{
    private const string Id = "0193a3c4-0000-7000-8000-000000000007";

    private readonly BeneficiaryService.BeneficiaryServiceClient _client = Substitute.For<BeneficiaryService.BeneficiaryServiceClient>();

    [Fact]
    public async Task Nouveau_OnPostAsync_Valid_CreatesWithRequestIdSkippingBlankRowsThenShowsBeneficiary()
    {
        _client.CreateBeneficiaryAsync(Arg.Any<CreateBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Beneficiary { Name = $"beneficiaries/{Id}" }));
        var page = Nouveau();
        page.Saisie = Typed();

        var result = await page.OnPostAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("/Beneficiaires/Detail", redirect.PageName);
        Assert.Equal(Id, redirect.RouteValues!["id"]);
        _ = _client.Received(1).CreateBeneficiaryAsync(
            Arg.Is<CreateBeneficiaryRequest>(request =>
                request.RequestId == "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
                && request.Beneficiary.GivenName == "Camille"
                && request.Beneficiary.PublicCategory == PublicCategory.Employee
                && request.Beneficiary.Employer.Siret == "73282932000074"
                && request.Beneficiary.Situations.Count == 2
                && request.Beneficiary.Situations[0].Kind == SituationKind.MaternityLeave
                && request.Beneficiary.Situations[0].StartDate.Month == 3
                && request.Beneficiary.Situations[1].Kind == SituationKind.SickLeave
                && request.Beneficiary.Situations[1].DoctorAgreement),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Nouveau_OnPostAsync_Invalid_PutsEachFrenchMessageOnItsFieldAndSituationRowKeepingWhatWasTyped()
    {
        // Row 1 of the form is blank: the API's situations[1] is the form's row 2.
        _client.CreateBeneficiaryAsync(Arg.Any<CreateBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Beneficiary>(SignedInPages.Invalid(
                ("beneficiary.given_name", "Le prénom est obligatoire."),
                ("beneficiary.employer.siret", "Le numéro SIRET n'est pas valide : 14 chiffres avec une clé de contrôle correcte."),
                ("beneficiary.employer", "Seul un salarié ou un agent public a un employeur."),
                ("beneficiary.situations[1].end_date", "La date de fin doit être égale ou postérieure à la date de début."),
                ("beneficiary.situations[1]", "Cette période chevauche la période n° 1 du même type."))));
        var page = Nouveau();
        page.Saisie = Typed();

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        var state = page.ModelState;
        Assert.Equal(["Certaines informations sont invalides."], SignedInPages.ErrorsOf(state, string.Empty));
        Assert.Equal(["Le prénom est obligatoire."], SignedInPages.ErrorsOf(state, "Saisie.Prenom"));
        Assert.Equal(["Le numéro SIRET n'est pas valide : 14 chiffres avec une clé de contrôle correcte."], SignedInPages.ErrorsOf(state, "Saisie.EmployeurSiret"));
        Assert.Equal(["Seul un salarié ou un agent public a un employeur."], SignedInPages.ErrorsOf(state, "Saisie.Employeur"));
        Assert.Equal(["La date de fin doit être égale ou postérieure à la date de début."], SignedInPages.ErrorsOf(state, "Saisie.Situations[2].Fin"));
        Assert.Equal(["Cette période chevauche la période n° 1 du même type."], SignedInPages.ErrorsOf(state, "Saisie.Situations[2]"));
        Assert.Empty(SignedInPages.ErrorsOf(state, "Saisie.Situations[1].Fin"));
        Assert.Equal("Camille", page.Saisie.Prenom);
        Assert.Equal(3, page.Saisie.Situations.Count);
        Assert.Equal(new DateOnly(2026, 5, 2), page.Saisie.Situations[2].Fin);
        Assert.NotEqual("1b4e28ba-2fa1-11d2-883f-0016d3cca427", page.RequestId);
        Assert.False(page.Conflict);
    }

    [Fact]
    public void Nouveau_AddAndRemovePeriod_ChangeRowsWithoutCallingApi()
    {
        var page = Nouveau();
        page.Saisie = Typed();

        page.OnPostAjouterPeriode();
        Assert.Equal(4, page.Saisie.Situations.Count);

        page.OnPostSupprimerPeriode(0);
        Assert.Equal(3, page.Saisie.Situations.Count);
        Assert.True(page.Saisie.Situations[0].IsBlank);
        Assert.Empty(_client.ReceivedCalls());
    }

    [Fact]
    public async Task Modifier_OnGetAsync_FillsFormWithEtagAndSpareRow()
    {
        var beneficiary = new Beneficiary
        {
            Name = $"beneficiaries/{Id}",
            GivenName = "Camille",
            FamilyName = "Martin",
            Email = "camille.martin@example.org",
            PublicCategory = PublicCategory.JobSeeker,
            Etag = "W/\"3\"",
        };
        beneficiary.Situations.Add(new SituationPeriod
        {
            Kind = SituationKind.ParentalLeave,
            StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 5 },
        });
        _client.GetBeneficiaryAsync(Arg.Any<GetBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(beneficiary));
        var page = Modifier();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("W/\"3\"", page.Etag);
        Assert.Equal("Martin", page.Saisie.Nom);
        Assert.Equal(PublicCategory.JobSeeker, page.Saisie.Categorie);
        Assert.Equal(2, page.Saisie.Situations.Count);
        Assert.Equal(new DateOnly(2026, 1, 5), page.Saisie.Situations[0].Debut);
        Assert.True(page.Saisie.Situations[1].IsBlank);
        Assert.Null(page.LoadError);
    }

    [Fact]
    public async Task Modifier_OnPostAsync_SendsEveryFieldInMaskWithEtag()
    {
        _client.UpdateBeneficiaryAsync(Arg.Any<UpdateBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Beneficiary { Name = $"beneficiaries/{Id}" }));
        var page = Modifier();
        page.Saisie = Typed();
        page.Etag = "W/\"3\"";

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.Equal("/Beneficiaires/Detail", Assert.IsType<RedirectToPageResult>(result).PageName);
        _ = _client.Received(1).UpdateBeneficiaryAsync(
            Arg.Is<UpdateBeneficiaryRequest>(request =>
                request.Beneficiary.Name == $"beneficiaries/{Id}"
                && request.Beneficiary.Etag == "W/\"3\""
                && request.UpdateMask.Paths.SequenceEqual(BeneficiaryForm.UpdatePaths)),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Modifier_OnPostAsync_StaleEtag_SaysSomeoneElseChangedItOffersReloadAndKeepsTypedValues()
    {
        _client.UpdateBeneficiaryAsync(Arg.Any<UpdateBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Beneficiary>(SignedInPages.Stale()));
        var page = Modifier();
        page.Saisie = Typed();
        page.Etag = "W/\"3\"";

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.Conflict);
        Assert.Equal($"/Beneficiaires/{Id}/Modifier", page.ReloadUrl);
        Assert.Equal(["Quelqu'un d'autre a modifié cet élément entre-temps."], SignedInPages.ErrorsOf(page.ModelState, string.Empty));
        Assert.Equal("Camille", page.Saisie.Prenom);
        Assert.Equal("W/\"3\"", page.Etag);
    }

    [Fact]
    public async Task Modifier_OnPostAsync_SupportRefused_ShowsApiFrenchMessage()
    {
        const string Refusal = "Vous n'avez pas le droit de modifier ce bénéficiaire.";
        _client.UpdateBeneficiaryAsync(Arg.Any<UpdateBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Beneficiary>(ApiCalls.Error(StatusCode.PermissionDenied, Refusal, "PERMISSION_DENIED")));
        var page = Modifier(SessionClaims.SupportRole);
        page.Saisie = Typed();

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal([Refusal], SignedInPages.ErrorsOf(page.ModelState, string.Empty));
        Assert.False(page.Conflict);
    }

    [Fact]
    public async Task Modifier_OnGetAsync_NotFound_ShowsFrenchMessageWithoutForm()
    {
        _client.GetBeneficiaryAsync(Arg.Any<GetBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Beneficiary>(new RpcException(new Status(StatusCode.NotFound, "not found"))));
        var page = Modifier();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("L’élément demandé est introuvable : il a peut-être été supprimé.", page.LoadError);
    }

    private static BeneficiaryInput Typed() => new()
    {
        Prenom = "Camille",
        Nom = "Martin",
        Email = "camille.martin@example.org",
        Categorie = PublicCategory.Employee,
        EmployeurSiret = "732 829 320 00074",
        EmployeurNom = "Centre hospitalier de Valence",
        Situations =
        [
            new SituationInput { Type = SituationKind.MaternityLeave, Debut = new DateOnly(2026, 3, 1), Fin = new DateOnly(2026, 6, 30) },
            new SituationInput(),
            new SituationInput { Type = SituationKind.SickLeave, Debut = new DateOnly(2026, 5, 10), Fin = new DateOnly(2026, 5, 2), AccordMedecin = true },
        ],
    };

    private NouveauModel Nouveau() =>
        new(_client, NullLogger<NouveauModel>.Instance)
        {
            PageContext = SignedInPages.As(SessionClaims.AdminRole),
            RequestId = "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        };

    private ModifierModel Modifier(string role = SessionClaims.ConsultantRole) =>
        new(_client, NullLogger<ModifierModel>.Instance) { PageContext = SignedInPages.As(role), Id = Id, RequestId = "2c5f39cb-0000-4000-8000-000000000001" };
}
