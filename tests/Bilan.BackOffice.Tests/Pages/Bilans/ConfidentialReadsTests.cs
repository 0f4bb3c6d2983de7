using System.Net;
using Bilan.BackOffice.Pages.Bilans;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using static Bilan.BackOffice.Tests.Pages.Bilans.ConfidentialPagesFakes;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

/// <summary>The access log, the interview notes and the printable synthesis.</summary>
public sealed class ConfidentialReadsTests
{
    private readonly ConfidentialPagesFakes _api = new();

    [Fact]
    public async Task AccessLog_ListsReadersByNameRoleTimeAndWhatTheyRead()
    {
        var log = new ListConfidentialAccessesResponse { NextPageToken = "suite" };
        log.ConfidentialAccesses.Add(new ConfidentialAccess
        {
            Resource = $"bilans/{BilanId}/synthesis",
            Actor = "users/0193a3c4-0000-7000-8000-000000000001",
            Role = AccessorRole.Consultant,
            AccessTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)),
        });
        log.ConfidentialAccesses.Add(new ConfidentialAccess
        {
            Resource = $"bilans/{BilanId}/interviews/{InterviewId}/notes",
            Actor = "users/0193a3c4-0000-7000-8000-000000000001",
            Role = AccessorRole.Consultant,
            AccessTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 27, 9, 5, 0, TimeSpan.Zero)),
        });
        log.ConfidentialAccesses.Add(new ConfidentialAccess
        {
            Resource = $"bilans/{BilanId}/synthesis",
            Actor = "organizations/0193a3c4-0000-7000-8000-0000000000c1/apiKeys/0193a3c4-0000-7000-8000-0000000000f1",
            Role = AccessorRole.ApiClient,
            AccessTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero)),
            DisclosureConsent = $"bilans/{BilanId}/disclosureConsents/0193a3c4-0000-7000-8000-0000000000d1",
        });
        _api.Syntheses.ListConfidentialAccessesAsync(Arg.Any<ListConfidentialAccessesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(log));
        _api.Users.GetUserAsync(Arg.Any<GetUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new User { DisplayName = "Claire Dupont", Email = "consultant@example.org" }));
        var page = AccessLog();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.ErrorMessage);
        Assert.Equal(3, page.Rows.Count);
        Assert.Equal(new AccessRow("27/11/2026 10:00:00", "Claire Dupont (consultant@example.org)", "consultant du bilan", "la synthèse", "—"), page.Rows[0]);
        Assert.Equal($"les notes de l’entretien {InterviewId}", page.Rows[1].What);
        Assert.Equal("logiciel RH (client d'API)", page.Rows[2].Role);
        Assert.StartsWith("clé d’API 0193a3c4-0000-7000-8000-0000000000f1", page.Rows[2].Reader, StringComparison.Ordinal);
        Assert.Equal("accord 0193a3c4-0000-7000-8000-0000000000d1", page.Rows[2].Consent);
        Assert.Equal("suite", page.NextPageToken);
        _ = _api.Users.Received(1).GetUserAsync(Arg.Any<GetUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AccessLog_ApiRefuses_ShowsFrenchMessage()
    {
        _api.Syntheses.ListConfidentialAccessesAsync(Arg.Any<ListConfidentialAccessesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListConfidentialAccessesResponse>(new RpcException(new Status(StatusCode.PermissionDenied, "denied"))));
        var page = AccessLog();

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Vous n’avez pas les droits nécessaires pour cette action.", page.ErrorMessage);
    }

    [Fact]
    public void AccessLog_IsForAdministratorsOnly()
    {
        var authorize = Assert.Single(typeof(AccesConfidentielsModel).GetCustomAttributes(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), false));
        Assert.Equal(SessionClaims.AdminPolicy, ((Microsoft.AspNetCore.Authorization.AuthorizeAttribute)authorize).Policy);
    }

    [Fact]
    public async Task Notes_OnGetAsync_ReadsTextAndEtag_SupportSeesRefusal()
    {
        StubInterview();
        _api.Syntheses.GetInterviewNotesAsync(Arg.Any<GetInterviewNotesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(
                _ => ApiCalls.Answer(new InterviewNotes { Text = $"Notes {Secret}", Etag = "W/\"2\"" }),
                _ => ApiCalls.Fail<InterviewNotes>(SignedInPages.ConfidentialRefused()));
        var consultant = Notes(SessionClaims.ConsultantRole);
        var support = Notes(SessionClaims.SupportRole);

        await consultant.OnGetAsync(CancellationToken.None);
        await support.OnGetAsync(CancellationToken.None);

        Assert.Equal($"Notes {Secret}", consultant.Texte);
        Assert.Equal("W/\"2\"", consultant.Etag);
        Assert.Equal("phase de conclusion", consultant.Interview?.Phase);
        Assert.Equal(SignedInPages.SupportRefusal, support.ErrorMessage);
        Assert.Null(support.Texte);
    }

    [Fact]
    public async Task Notes_OnPostAsync_SavesWithEtag_StaleOffersReloadKeepingText()
    {
        StubInterview();
        _api.Syntheses.GetInterviewNotesAsync(Arg.Any<GetInterviewNotesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new InterviewNotes { Text = "ancien", Etag = "W/\"3\"" }));
        _api.Syntheses.UpdateInterviewNotesAsync(Arg.Any<UpdateInterviewNotesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new InterviewNotes()), _ => ApiCalls.Fail<InterviewNotes>(SignedInPages.Stale()));
        var page = Notes(SessionClaims.ConsultantRole);
        page.Texte = $"Nouvelles notes {Secret}";
        page.Etag = "W/\"2\"";

        var saved = await page.OnPostAsync(CancellationToken.None);
        var stale = await page.OnPostAsync(CancellationToken.None);

        Assert.Equal("/Bilans/NotesEntretien", Assert.IsType<RedirectToPageResult>(saved).PageName);
        _ = _api.Syntheses.Received().UpdateInterviewNotesAsync(
            Arg.Is<UpdateInterviewNotesRequest>(request =>
                request.Notes.Name == $"bilans/{BilanId}/interviews/{InterviewId}/notes" && request.Notes.Etag == "W/\"2\""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
        Assert.IsType<PageResult>(stale);
        Assert.True(page.Conflict);
        Assert.Equal($"Nouvelles notes {Secret}", page.Texte);
    }

    [Fact]
    public async Task Print_RendersWithoutNavigationMarkedConfidentialWithPrintStylesheetAndNoInlineScriptOrStyle()
    {
        _api.SynthesisIs(Written(Synthesis.Types.State.Delivered, version: 2));
        var html = await GetAsync($"/Bilans/{BilanId}/Synthese/Impression", out var response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("Confidentiel", html, StringComparison.Ordinal);
        Assert.Contains("id=\"mention-confidentiel\"", html, StringComparison.Ordinal);
        Assert.Contains("<title>Confidentiel — Synthèse du bilan de compétences</title>", html, StringComparison.Ordinal);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/css/impression[^\"]*\\.css", html);
        Assert.Contains($"Projet {Secret}", html, StringComparison.Ordinal);
        Assert.Contains("Version 2 — remise au bénéficiaire", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Déconnexion", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_Support_ShowsRefusalWithoutContent()
    {
        _api.SynthesisFails(SignedInPages.ConfidentialRefused());
        var html = await GetAsync($"/Bilans/{BilanId}/Synthese/Impression", out _);

        Assert.Contains("Le support n&#x27;a pas accès au contenu confidentiel", html.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SynthesisPage_RendersInLayoutWithConfidentialBannerLabelledFieldsAndSubnav()
    {
        _api.SynthesisIs(Written());
        var html = await GetAsync($"/Bilans/{BilanId}/Synthese", out var response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<nav class=\"site-nav\"", html, StringComparison.Ordinal);
        Assert.Contains("Confidentiel — secret professionnel", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Saisie_Circonstances\">Circonstances du bilan</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"enregistrer-synthese\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Bilans/{BilanId}/Consentement\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Bilans/{BilanId}/Synthese/Impression\"", html, StringComparison.Ordinal);
        Assert.Contains("Bénéficiaires</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PeoplePages_RenderForAnAdministratorWithLabelledFieldsAndStableIds()
    {
        _api.Beneficiaries.GetBeneficiaryAsync(Arg.Any<GetBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Beneficiary { Name = "beneficiaries/0193a3c4-0000-7000-8000-000000000007", GivenName = "Camille", FamilyName = "Martin", Etag = "W/\"1\"" }));
        _api.Beneficiaries.ListBeneficiariesAsync(Arg.Any<ListBeneficiariesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListBeneficiariesResponse()));
        _api.Consents.GetBilanConsentAsync(Arg.Any<GetBilanConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<BilanConsent>(new RpcException(new Status(StatusCode.NotFound, "none"))));
        _api.Consents.ListDisclosureConsentsAsync(Arg.Any<ListDisclosureConsentsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListDisclosureConsentsResponse()));
        _api.Organizations.ListOrganizationsAsync(Arg.Any<ListOrganizationsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListOrganizationsResponse()));

        var nouveau = await GetAsync("/Beneficiaires/Nouveau", out var created, StaffRole.Admin);
        var modifier = await GetAsync("/Beneficiaires/0193a3c4-0000-7000-8000-000000000007/Modifier", out var edited, StaffRole.Admin);
        var liste = await GetAsync("/Beneficiaires", out var listed, StaffRole.Admin);
        var consentement = await GetAsync($"/Bilans/{BilanId}/Consentement", out var consent, StaffRole.Admin);

        Assert.All([created, edited, listed, consent], response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Contains("<label for=\"Saisie_Prenom\">Prénom</label>", nouveau, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Saisie_Situations_0__Type\">Situation</label>", nouveau, StringComparison.Ordinal);
        Assert.Contains("congé maternité (bilan impossible)", nouveau, StringComparison.Ordinal);
        Assert.Contains("id=\"ajouter-periode\"", nouveau, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", modifier, StringComparison.Ordinal);
        Assert.Contains("value=\"Camille\"", modifier, StringComparison.Ordinal);
        Assert.Contains("id=\"nouveau-beneficiaire\"", liste, StringComparison.Ordinal);
        Assert.Contains("<label for=\"recherche\">", liste, StringComparison.Ordinal);
        Assert.Contains("le consentement ne peut plus être modifié", consentement, StringComparison.Ordinal);
        Assert.Contains("id=\"formulaire-communication\"", consentement, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Communication_Destinataire\">", consentement, StringComparison.Ordinal);
    }

    private void StubInterview() =>
        _api.Interviews.GetInterviewAsync(Arg.Any<GetInterviewRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Interview { Name = $"bilans/{BilanId}/interviews/{InterviewId}", Phase = InterviewPhase.Conclusion }));

    private Task<string> GetAsync(string path, out HttpResponseMessage response, StaffRole role = StaffRole.Consultant)
    {
        var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving)) { Auth = ApiCalls.AuthAccepting(role) };
        var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<BilanService.BilanServiceClient>();
            services.AddSingleton(_api.Bilans);
            services.RemoveAll<BeneficiaryService.BeneficiaryServiceClient>();
            services.AddSingleton(_api.Beneficiaries);
            services.RemoveAll<SynthesisService.SynthesisServiceClient>();
            services.AddSingleton(_api.Syntheses);
            services.RemoveAll<InterviewService.InterviewServiceClient>();
            services.AddSingleton(_api.Interviews);
            services.RemoveAll<ConsentService.ConsentServiceClient>();
            services.AddSingleton(_api.Consents);
            services.RemoveAll<OrganizationService.OrganizationServiceClient>();
            services.AddSingleton(_api.Organizations);
        }));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        BackOfficeFactory.PostLoginAsync(client).GetAwaiter().GetResult().Dispose();
        response = client.GetAsync(new Uri(path, UriKind.Relative)).GetAwaiter().GetResult();
        return response.Content.ReadAsStringAsync();
    }

    private AccesConfidentielsModel AccessLog() =>
        new(_api.Bilans, _api.Beneficiaries, _api.Syntheses, _api.Users, NullLogger<AccesConfidentielsModel>.Instance)
        {
            PageContext = SignedInPages.As(SessionClaims.AdminRole),
            Id = BilanId,
        };

    private NotesEntretienModel Notes(string role) =>
        new(_api.Bilans, _api.Beneficiaries, _api.Syntheses, _api.Interviews, NullLogger<NotesEntretienModel>.Instance)
        {
            PageContext = SignedInPages.As(role),
            Id = BilanId,
            Entretien = InterviewId,
        };
}
