using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using NSubstitute;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Pages.Administration;

/// <summary>The administration pages through the whole back-office: roles, antiforgery, the one-time API key secret.</summary>
public sealed class AdministrationAppTests
{
    private const string OrgId = "0193a3c4-0000-7000-8000-0000000000bb";
    private const string Secret = "bk_Xy3fQ9aTHE-ONE-TIME-SECRET-0123456789";

    public static TheoryData<string> AdminPages =>
    [
        "/Administration",
        "/Administration/Utilisateurs",
        "/Administration/Utilisateurs/Nouveau",
        "/Administration/Utilisateurs/MotDePasse?id=u1",
        "/Administration/Consultants",
        "/Administration/Consultants/Nouveau",
        "/Administration/Consultants/Modifier?id=c1",
        "/Administration/Organisations",
        "/Administration/Organisations/Nouvelle",
        "/Administration/Organisations/Modifier?id=o1",
        "/Administration/Organisations/Cles?id=o1",
        "/Administration/Organisations/NouvelleCle?id=o1",
        "/Administration/Organisations/RevoquerCle?id=o1&cle=k1",
    ];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Consultant_EveryAdministrationPage_IsForbiddenWithoutCallingApi(string path)
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(factory.Users.ReceivedCalls());
        Assert.Empty(factory.Organizations.ReceivedCalls());
        Assert.Empty(factory.Consultants.ReceivedCalls());
    }

    [Theory]
    [InlineData(StaffRole.Consultant)]
    [InlineData(StaffRole.Support)]
    public async Task NonAdmin_PostToAdministration_IsForbidden(StaffRole role)
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving)) { Auth = ApiCalls.AuthAccepting(role) };
        using var client = await factory.CreateSignedInClientAsync();
        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, "/Deconnexion");

        using var response = await client.PostAsync(
            new Uri("/Administration/Organisations/Nouvelle", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Saisie.NomAffiche"] = "X", ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(factory.Organizations.ReceivedCalls());
    }

    [Fact]
    public async Task Admin_PostWithoutAntiforgeryToken_IsRefusedWithoutCallingApi()
    {
        await using var factory = AdminFactory();
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.PostAsync(
            new Uri($"/Administration/Organisations/NouvelleCle?id={OrgId}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["NomAffiche"] = "SIRH" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        _ = factory.Organizations.DidNotReceiveWithAnyArgs().CreateApiKeyAsync(default!, default(Metadata), default, default);
    }

    [Fact]
    public async Task Admin_NewApiKey_SecretIsInTheAnswerOnlyNeverInCookieAddressOrCache()
    {
        await using var factory = AdminFactory();
        factory.Organizations.CreateApiKeyAsync(Arg.Any<CreateApiKeyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new CreateApiKeyResponse
            {
                ApiKey = new ApiKey { Name = $"organizations/{OrgId}/apiKeys/k1", DisplayName = "SIRH Valence", KeyPrefix = "bk_Xy3fQ9a" },
                Secret = Secret,
            }));
        using var client = await factory.CreateSignedInClientAsync();
        var path = $"/Administration/Organisations/NouvelleCle?id={OrgId}";
        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, path);

        using var response = await client.PostAsync(
            new Uri(path, UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["NomAffiche"] = "SIRH Valence", ["__RequestVerificationToken"] = token }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"value=\"{Secret}\"", html, StringComparison.Ordinal);
        Assert.Contains("il ne sera plus jamais affiché", html, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
        Assert.All(
            response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => Assert.DoesNotContain("THE-ONE-TIME-SECRET", cookie, StringComparison.Ordinal));

        var keysPage = await client.GetStringAsync(new Uri($"/Administration/Organisations/Cles?id={OrgId}", UriKind.Relative));
        Assert.DoesNotContain("THE-ONE-TIME-SECRET", keysPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_NewUserRefused_FormShowsFieldMessageAndKeepsWhatWasTyped()
    {
        await using var factory = AdminFactory();
        factory.Users.CreateUserAsync(Arg.Any<CreateUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<User>(Administration.AdminPages.Invalid("user.email", "L’adresse e-mail n’est pas valide.")));
        using var client = await factory.CreateSignedInClientAsync();
        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, "/Administration/Utilisateurs/Nouveau");

        using var response = await client.PostAsync(
            new Uri("/Administration/Utilisateurs/Nouveau", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Saisie.Email"] = "paul-sans-arobase",
                ["Saisie.NomAffiche"] = "Paul Durand",
                ["Saisie.Role"] = "support",
                ["Saisie.MotDePasse"] = "Mot-de-passe-secret-42",
                ["__RequestVerificationToken"] = token,
            }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("L’adresse e-mail n’est pas valide.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"paul-sans-arobase\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Paul Durand\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"support\" selected=\"selected\">Support</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mot-de-passe-secret-42", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_StaleEdit_ShowsReloadLink()
    {
        await using var factory = AdminFactory();
        factory.Consultants.GetConsultantAsync(Arg.Any<GetConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Consultant { Name = "consultants/c1", DisplayName = "Claire", Email = "c@example.fr", Active = true, Etag = "e1" }));
        factory.Consultants.UpdateConsultantAsync(Arg.Any<UpdateConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Consultant>(Administration.AdminPages.Stale()));
        using var client = await factory.CreateSignedInClientAsync();
        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, "/Administration/Consultants/Modifier?id=c1");

        using var response = await client.PostAsync(
            new Uri("/Administration/Consultants/Modifier?id=c1", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Saisie.NomAffiche"] = "Claire Dupont",
                ["Saisie.Email"] = "c@example.fr",
                ["Saisie.Etag"] = "e0",
                ["__RequestVerificationToken"] = token,
            }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Quelqu’un d’autre a modifié cet élément", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Administration/Consultants/Modifier?id=c1\">Recharger la page</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Claire Dupont\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_NavigationMarksAdministrationAsCurrentOnSubPages()
    {
        await using var factory = AdminFactory();
        factory.Organizations.ListOrganizationsAsync(Arg.Any<ListOrganizationsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListOrganizationsResponse()));
        using var client = await factory.CreateSignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/Administration/Organisations", UriKind.Relative));

        Assert.Matches("<a (?=[^>]*href=\"/Administration\")(?=[^>]*aria-current=\"true\")[^>]*>Administration</a>", html);
        Assert.Contains("Aucune organisation.", html, StringComparison.Ordinal);
    }

    private static BackOfficeFactory AdminFactory()
    {
        var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving)) { Auth = ApiCalls.AuthAccepting(StaffRole.Admin) };
        factory.Organizations.GetOrganizationAsync(Arg.Any<GetOrganizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Organization { Name = $"organizations/{OrgId}", DisplayName = "Centre hospitalier de Valence" }));
        factory.Organizations.ListApiKeysAsync(Arg.Any<ListApiKeysRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListApiKeysResponse()));
        factory.Consultants.ListConsultantsAsync(Arg.Any<ListConsultantsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListConsultantsResponse()));
        return factory;
    }
}
