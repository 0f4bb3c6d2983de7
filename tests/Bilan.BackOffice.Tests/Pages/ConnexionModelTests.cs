using System.Security.Claims;
using Bilan.BackOffice.Pages;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class ConnexionModelTests
{
    private readonly IAuthenticationService _authentication = Substitute.For<IAuthenticationService>();

    [Fact]
    public async Task OnPostAsync_RightPassword_SignsInWithNameRoleAndTokenThenGoesToDashboard()
    {
        var auth = ApiCalls.AuthAccepting(StaffRole.Admin);
        var page = Create(auth);

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.Equal("/", Assert.IsType<LocalRedirectResult>(result).Url);
        _ = auth.Received(1).LoginAsync(
            Arg.Is<LoginRequest>(request => request.Email == "jeanne.martin@example.fr" && request.Password == "secret"),
            Arg.Any<Metadata>(),
            Arg.Any<DateTime?>(),
            Arg.Any<CancellationToken>());
        await _authentication.Received(1).SignInAsync(
            Arg.Any<HttpContext>(),
            "Cookies",
            Arg.Is<ClaimsPrincipal>(user =>
                user.Identity!.Name == "Jeanne Martin"
                && user.IsInRole(SessionClaims.AdminRole)
                && user.FindFirst(SessionClaims.ApiToken)!.Value == ApiCalls.Token),
            Arg.Any<AuthenticationProperties>());
    }

    [Theory]
    [InlineData("/Bilans?etat=STATE_REQUESTED", "/Bilans?etat=STATE_REQUESTED")]
    [InlineData("https://pirate.example/Bilans", "/")]
    [InlineData("//pirate.example", "/")]
    [InlineData("/\\pirate.example", "/")]
    public async Task OnPostAsync_ReturnUrl_FollowsOnlyLocalAddresses(string returnUrl, string expected)
    {
        var page = Create(ApiCalls.AuthAccepting());
        page.ReturnUrl = returnUrl;

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.Equal(expected, Assert.IsType<LocalRedirectResult>(result).Url);
    }

    [Fact]
    public async Task OnPostAsync_WrongPassword_ShowsApiFrenchMessageKeepsEmailForgetsPassword()
    {
        var page = Create(Refusing(ApiCalls.Error(
            StatusCode.Unauthenticated,
            "Adresse e-mail ou mot de passe incorrect.",
            "INVALID_CREDENTIALS")));

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["Adresse e-mail ou mot de passe incorrect."], FormErrors(page));
        Assert.Equal("jeanne.martin@example.fr", page.Email);
        Assert.Null(page.MotDePasse);
        await _authentication.DidNotReceiveWithAnyArgs().SignInAsync(default!, default, default!, default);
    }

    [Fact]
    public async Task OnPostAsync_LockedAccount_ShowsLockedMessage()
    {
        const string Locked = "Ce compte est verrouillé après trop d'échecs de connexion : réessayez dans 15 minutes.";
        var page = Create(Refusing(ApiCalls.Error(StatusCode.Unauthenticated, Locked, "ACCOUNT_LOCKED")));

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal([Locked], FormErrors(page));
        Assert.Null(page.MotDePasse);
    }

    [Fact]
    public async Task OnPostAsync_RefusedWithoutFrenchMessage_ShowsFrenchFallback()
    {
        var page = Create(Refusing(new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, "invalid credentials"))));

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal(["Adresse e-mail ou mot de passe incorrect."], FormErrors(page));
    }

    [Fact]
    public async Task OnPostAsync_ApiUnreachable_ShowsFrenchUnavailableMessage()
    {
        var page = Create(Refusing(new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "connection refused"))));

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal([FrenchErrorPresenterFallback(StatusCode.Unavailable)], FormErrors(page));
    }

    [Fact]
    public async Task OnPostAsync_InvalidEmailFromApi_ShowsMessageOnEmailField()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
        {
            Field = "email",
            Description = "email is malformed",
            LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "L'adresse e-mail est mal formée." },
        });
        var page = Create(Refusing(ApiCalls.Error(StatusCode.InvalidArgument, "Un champ est invalide : corrigez-le puis réessayez.", "INVALID_FIELDS", badRequest)));

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal("L'adresse e-mail est mal formée.", Assert.Single(page.ModelState[nameof(ConnexionModel.Email)]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task OnPostAsync_FormInvalid_DoesNotCallApi()
    {
        var auth = ApiCalls.AuthAccepting();
        var page = Create(auth);
        page.ModelState.AddModelError(nameof(ConnexionModel.MotDePasse), "Saisissez votre mot de passe.");

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        _ = auth.DidNotReceiveWithAnyArgs().LoginAsync(default!, default(Metadata), default, default);
    }

    [Theory]
    [InlineData("session-expiree", "Votre session a expiré : connectez-vous à nouveau pour continuer.")]
    [InlineData("deconnexion", "Vous êtes déconnecté.")]
    [InlineData("autre", null)]
    public void Notice_Reason_IsFrench(string reason, string? expected)
    {
        var page = Create(ApiCalls.AuthAccepting());
        page.Raison = reason;

        Assert.Equal(expected, page.Notice);
    }

    private static string FrenchErrorPresenterFallback(StatusCode code) => Bilan.BackOffice.Api.FrenchErrorPresenter.Fallback(code);

    private static string[] FormErrors(PageModel page) =>
        [.. page.ModelState[string.Empty]?.Errors.Select(error => error.ErrorMessage) ?? []];

    private static AuthService.AuthServiceClient Refusing(RpcException exception)
    {
        var client = Substitute.For<AuthService.AuthServiceClient>();
        client.LoginAsync(Arg.Any<LoginRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<LoginResponse>(exception));
        return client;
    }

    private ConnexionModel Create(AuthService.AuthServiceClient auth) =>
        new(auth, NullLogger<ConnexionModel>.Instance)
        {
            PageContext = PageContexts.Create(_authentication),
            Email = "jeanne.martin@example.fr",
            MotDePasse = "secret",
        };
}
