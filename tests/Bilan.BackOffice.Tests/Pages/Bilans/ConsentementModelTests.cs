using Bilan.BackOffice.Pages.Bilans;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using static Bilan.BackOffice.Tests.Pages.Bilans.ConfidentialPagesFakes;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class ConsentementModelTests
{
    private readonly ConfidentialPagesFakes _api = new(State.Requested);

    public ConsentementModelTests()
    {
        _api.Consents.GetBilanConsentAsync(Arg.Any<GetBilanConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<BilanConsent>(new RpcException(new Status(StatusCode.NotFound, "none"))));
        var disclosures = new ListDisclosureConsentsResponse();
        disclosures.DisclosureConsents.Add(new DisclosureConsent
        {
            Name = $"bilans/{BilanId}/disclosureConsents/0193a3c4-0000-7000-8000-0000000000d1",
            CepOperator = "Apec Auvergne-Rhône-Alpes",
            Scope = DisclosureScope.Synthesis,
            Active = true,
        });
        _api.Consents.ListDisclosureConsentsAsync(Arg.Any<ListDisclosureConsentsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(disclosures));
        var organizations = new ListOrganizationsResponse();
        organizations.Organizations.Add(new Organization { Name = OrganizationName, DisplayName = "Centre hospitalier de Valence" });
        organizations.Organizations.Add(new Organization { Name = "organizations/0193a3c4-0000-7000-8000-0000000000c2", DisplayName = "OPCO Santé" });
        _api.Organizations.ListOrganizationsAsync(Arg.Any<ListOrganizationsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(organizations));
    }

    [Fact]
    public async Task OnGetAsync_NoConsentYet_SaysSoAndListsDisclosuresAndOrganisations()
    {
        var page = Create(SessionClaims.AdminRole);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.LoadError);
        Assert.Null(page.Consent);
        Assert.True(page.ConsentEditable);
        Assert.Equal("Apec Auvergne-Rhône-Alpes", Assert.Single(page.Disclosures).CepOperator);
        Assert.Equal([OrganizationName, "organizations/0193a3c4-0000-7000-8000-0000000000c2"], page.Organizations.Select(option => option.Name));
        Assert.Equal("L’employeur du bénéficiaire (organisation du bilan)", page.Organizations[0].Label);
    }

    [Fact]
    public async Task OnGetAsync_Consultant_OffersTheEmployerWithoutListingOrganisations()
    {
        var page = Create(SessionClaims.ConsultantRole);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal([OrganizationName], page.Organizations.Select(option => option.Name));
        _ = _api.Organizations.DidNotReceiveWithAnyArgs().ListOrganizationsAsync(default!, default(Metadata), default, default);
    }

    [Fact]
    public async Task OnGetAsync_Support_ShowsApiRefusal()
    {
        const string Refusal = "Seuls l'administrateur et le consultant du bilan ont accès aux consentements.";
        _api.Consents.GetBilanConsentAsync(Arg.Any<GetBilanConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<BilanConsent>(ApiCalls.Error(StatusCode.PermissionDenied, Refusal, "PERMISSION_DENIED")));
        var page = Create(SessionClaims.SupportRole);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(Refusal, page.LoadError);
    }

    [Fact]
    public async Task OnPostConsentementAsync_RecordsDateMethodAndKeepingThenShowsNotice()
    {
        _api.Consents.RecordBilanConsentAsync(Arg.Any<RecordBilanConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new BilanConsent()));
        var page = Create(SessionClaims.ConsultantRole);
        page.Consentement = new BilanConsentInput { Date = new DateOnly(2026, 11, 20), Methode = ConsentMethod.SignedPaper, ConserverDocuments = true, RequestId = "5f8c6cfe-0000-4000-8000-000000000001" };

        var result = await page.OnPostConsentementAsync(CancellationToken.None);

        Assert.Equal("consentement", Assert.IsType<RedirectToPageResult>(result).RouteValues!["statut"]);
        _ = _api.Consents.Received(1).RecordBilanConsentAsync(
            Arg.Is<RecordBilanConsentRequest>(request =>
                request.Name == $"bilans/{BilanId}"
                && request.ConsentDate.Day == 20
                && request.Method == ConsentMethod.SignedPaper
                && request.KeepDocumentsForFollowUp
                && request.RequestId == "5f8c6cfe-0000-4000-8000-000000000001"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostConsentementAsync_Invalid_PutsFrenchMessagesOnFieldsKeepingTypedValues()
    {
        _api.Consents.RecordBilanConsentAsync(Arg.Any<RecordBilanConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<BilanConsent>(SignedInPages.Invalid(
                ("consent_date", "La date du consentement ne peut pas être dans le futur."),
                ("method", "Le mode de recueil du consentement est obligatoire."))));
        var page = Create(SessionClaims.ConsultantRole);
        page.Consentement = new BilanConsentInput { Date = new DateOnly(2027, 1, 1) };

        var result = await page.OnPostConsentementAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["La date du consentement ne peut pas être dans le futur."], SignedInPages.ErrorsOf(page.ModelState, "Consentement.Date"));
        Assert.Equal(["Le mode de recueil du consentement est obligatoire."], SignedInPages.ErrorsOf(page.ModelState, "Consentement.Methode"));
        Assert.Equal(new DateOnly(2027, 1, 1), page.Consentement.Date);
    }

    [Fact]
    public async Task OnPostConsentementAsync_StaleEtag_OffersReload()
    {
        _api.Consents.RecordBilanConsentAsync(Arg.Any<RecordBilanConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<BilanConsent>(SignedInPages.Stale()));
        var page = Create(SessionClaims.ConsultantRole);
        page.Consentement = new BilanConsentInput { Date = new DateOnly(2026, 11, 20), Methode = ConsentMethod.Email, Etag = "W/\"1\"" };

        await page.OnPostConsentementAsync(CancellationToken.None);

        Assert.True(page.Conflict);
    }

    [Theory]
    [InlineData(ConsentementModel.CepRecipient, "", "Apec", "")]
    [InlineData(ConsentementModel.OrganizationRecipient, OrganizationName, "", OrganizationName)]
    public async Task OnPostCommunicationAsync_RecordsToTheChosenRecipient(string recipient, string organization, string cep, string expectedOrganization)
    {
        _api.Consents.RecordDisclosureConsentAsync(Arg.Any<RecordDisclosureConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new DisclosureConsent()));
        var page = Create(SessionClaims.ConsultantRole);
        page.Communication = new DisclosureInput
        {
            Destinataire = recipient,
            Organisation = organization,
            OperateurCep = cep,
            Portee = DisclosureScope.SynthesisAndResults,
            Justificatif = "accord écrit signé le 12/11/2026",
            Date = new DateOnly(2026, 11, 12),
        };

        var result = await page.OnPostCommunicationAsync(CancellationToken.None);

        Assert.Equal("communication", Assert.IsType<RedirectToPageResult>(result).RouteValues!["statut"]);
        _ = _api.Consents.Received(1).RecordDisclosureConsentAsync(
            Arg.Is<RecordDisclosureConsentRequest>(request =>
                request.Parent == $"bilans/{BilanId}"
                && request.DisclosureConsent.Organization == expectedOrganization
                && request.DisclosureConsent.CepOperator == cep
                && request.DisclosureConsent.Scope == DisclosureScope.SynthesisAndResults),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostCommunicationAsync_NoRecipient_PutsApiMessageOnRecipientField()
    {
        _api.Consents.RecordDisclosureConsentAsync(Arg.Any<RecordDisclosureConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<DisclosureConsent>(SignedInPages.Invalid(
                ("disclosure_consent.recipient", "Le destinataire est obligatoire : une organisation ou un opérateur CEP."),
                ("disclosure_consent.evidence", "La preuve de l'accord est obligatoire."))));
        var page = Create(SessionClaims.ConsultantRole);

        await page.OnPostCommunicationAsync(CancellationToken.None);

        Assert.Equal(["Le destinataire est obligatoire : une organisation ou un opérateur CEP."], SignedInPages.ErrorsOf(page.ModelState, "Communication.Destinataire"));
        Assert.Equal(["La preuve de l'accord est obligatoire."], SignedInPages.ErrorsOf(page.ModelState, "Communication.Justificatif"));
    }

    [Fact]
    public async Task OnPostRevoquerAsync_RevokesThatConsent_AndARefusalIsShown()
    {
        _api.Consents.RevokeDisclosureConsentAsync(Arg.Any<RevokeDisclosureConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(
                _ => ApiCalls.Answer(new DisclosureConsent()),
                _ => ApiCalls.Fail<DisclosureConsent>(ApiCalls.Error(StatusCode.FailedPrecondition, "Cet accord est déjà révoqué.", "DISCLOSURE_CONSENT_REVOKED")));
        var page = Create(SessionClaims.ConsultantRole);

        var first = await page.OnPostRevoquerAsync("0193a3c4-0000-7000-8000-0000000000d1", "6a9d7d0f-0000-4000-8000-000000000001", CancellationToken.None);
        var second = await page.OnPostRevoquerAsync("0193a3c4-0000-7000-8000-0000000000d1", "6a9d7d0f-0000-4000-8000-000000000002", CancellationToken.None);

        Assert.Equal("revocation", Assert.IsType<RedirectToPageResult>(first).RouteValues!["statut"]);
        Assert.IsType<PageResult>(second);
        Assert.Equal("Cet accord est déjà révoqué.", page.RevokeError);
        _ = _api.Consents.Received(1).RevokeDisclosureConsentAsync(
            Arg.Is<RevokeDisclosureConsentRequest>(request =>
                request.Name == $"bilans/{BilanId}/disclosureConsents/0193a3c4-0000-7000-8000-0000000000d1"
                && request.RequestId == "6a9d7d0f-0000-4000-8000-000000000001"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    private ConsentementModel Create(string role) =>
        new(_api.Bilans, _api.Beneficiaries, _api.Consents, _api.Organizations, NullLogger<ConsentementModel>.Instance)
        {
            PageContext = SignedInPages.As(role),
            Id = BilanId,
        };
}
