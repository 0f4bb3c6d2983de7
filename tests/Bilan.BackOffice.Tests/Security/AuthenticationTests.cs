using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.Testing;
using NSubstitute;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Security;

public sealed class AuthenticationTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    [Theory]
    [InlineData("/Bilans", "/Connexion?ReturnUrl=%2FBilans")]
    [InlineData("/", "/Connexion?ReturnUrl=%2F")]
    [InlineData("/Administration", "/Connexion?ReturnUrl=%2FAdministration")]
    public async Task Get_Anonymous_RedirectsToLogin(string path, string expected)
    {
        await using var factory = NewFactory();
        using var client = factory.CreateClient(NoRedirects);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Get_LoginPage_IsFrenchPublicAndCarriesSecurityHeaders()
    {
        await using var factory = NewFactory();
        using var client = factory.CreateClient(NoRedirects);

        using var response = await client.GetAsync(new Uri("/Connexion", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Connexion</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Mot de passe", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Déconnexion", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogin_RightPassword_SetsHttpOnlySameSiteCookieWithoutToken()
    {
        await using var factory = NewFactory();
        using var client = factory.CreateClient(NoRedirects);

        using var response = await BackOfficeFactory.PostLoginAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith("bilan.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ApiCalls.Token, cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("jeton-secret", cookie, StringComparison.Ordinal);
        Assert.All(response.Headers.GetValues("Set-Cookie"), value => Assert.DoesNotContain(ApiCalls.Token, value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostLogin_OverHttps_CookieIsSecure()
    {
        await using var factory = NewFactory();
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var response = await BackOfficeFactory.PostLoginAsync(client);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith("bilan.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignedIn_Pages_ShowNameNavigationAndLogoutButtonButNeverTheToken()
    {
        await using var factory = NewFactory();
        using var client = await factory.CreateSignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/Bilans", UriKind.Relative));

        Assert.Contains("Jeanne Martin", html, StringComparison.Ordinal);
        Assert.Contains(">Bilans</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Tableau de bord</a>", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/Deconnexion\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Administration", html, StringComparison.Ordinal);
        Assert.Contains("Aucun bilan ne correspond à ces critères.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiCalls.Token, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInAdmin_SeesAdministration()
    {
        await using var factory = NewFactory();
        factory.Auth = ApiCalls.AuthAccepting(StaffRole.Admin);
        using var client = await factory.CreateSignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/Administration", UriKind.Relative));

        Assert.Contains("<h1>Administration</h1>", html, StringComparison.Ordinal);
        Assert.Contains(">Administration</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInConsultant_AdministrationIsForbidden()
    {
        await using var factory = NewFactory();
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/Administration", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<h1>Accès refusé</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostLogin_WrongPassword_ShowsFrenchMessageKeepsEmailNotPassword()
    {
        await using var factory = NewFactory();
        var auth = Substitute.For<AuthService.AuthServiceClient>();
        auth.LoginAsync(Arg.Any<LoginRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<LoginResponse>(ApiCalls.Error(StatusCode.Unauthenticated, "Adresse e-mail ou mot de passe incorrect.", "INVALID_CREDENTIALS")));
        factory.Auth = auth;
        using var client = factory.CreateClient(NoRedirects);

        using var response = await BackOfficeFactory.PostLoginAsync(client, "paul@example.fr", "motdepasse-faux-123");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Adresse e-mail ou mot de passe incorrect.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"paul@example.fr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("motdepasse-faux-123", html, StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("bilan.session=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PostLogout_WithoutAntiforgeryToken_IsRefused()
    {
        await using var factory = NewFactory();
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.PostAsync(new Uri("/Deconnexion", UriKind.Relative), new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        _ = factory.Auth.DidNotReceiveWithAnyArgs().LogoutAsync(default!, default(Metadata), default, default);
    }

    [Fact]
    public async Task PostLogout_WithToken_EndsSessionAndSignsOut()
    {
        await using var factory = NewFactory();
        using var client = await factory.CreateSignedInClientAsync();
        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, "/Deconnexion");

        using var response = await client.PostAsync(
            new Uri("/Deconnexion", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Connexion?raison=deconnexion", response.Headers.Location?.OriginalString);
        _ = factory.Auth.Received(1).LogoutAsync(Arg.Any<LogoutRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
        using var after = await client.GetAsync(new Uri("/Bilans", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Connexion", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ApiSaysSessionExpired_SignsOutAndShowsFrenchNotice()
    {
        await using var factory = NewFactory();
        factory.Bilans = ApiCalls.ListingFails(ApiCalls.Error(StatusCode.Unauthenticated, "Session expirée.", "SESSION_EXPIRED"));
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/Bilans", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Connexion?raison=session-expiree", response.Headers.Location?.OriginalString);
        var html = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("Votre session a expiré : connectez-vous à nouveau pour continuer.", html, StringComparison.Ordinal);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Get_BilansWithFilterAndNextPage_ShowsFrenchLabelsAndNextPageLink()
    {
        await using var factory = NewFactory();
        var page = new ListBilansResponse { NextPageToken = "jeton suivant" };
        page.Bilans.Add(new Contracts.V1.Bilan { Name = "bilans/5", Beneficiary = "beneficiaries/9", State = Contracts.V1.Bilan.Types.State.Conclusion });
        factory.Bilans = ApiCalls.Listing(page);
        using var client = await factory.CreateSignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/Bilans?etat=STATE_CONCLUSION", UriKind.Relative));

        Assert.Contains("<option value=\"STATE_CONCLUSION\" selected=\"selected\">phase de conclusion</option>", html, StringComparison.Ordinal);
        Assert.Contains("<td>phase de conclusion</td>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Bilans?etat=STATE_CONCLUSION&amp;jeton=jeton%20suivant\"", html, StringComparison.Ordinal);
        Assert.Contains(">Page suivante</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterApiSessionAbsoluteExpiry_AsksToSignInAgain()
    {
        await using var factory = NewFactory();
        var login = ApiCalls.Login();
        login.ExpireTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddSeconds(-1));
        var auth = Substitute.For<AuthService.AuthServiceClient>();
        auth.LoginAsync(Arg.Any<LoginRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(login));
        factory.Auth = auth;
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/Bilans", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Connexion", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    private static BackOfficeFactory NewFactory() => new(HealthCalls.Answering(ServingStatus.Serving));
}
