using Bilan.BackOffice.Pages;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class DeconnexionModelTests
{
    private readonly IAuthenticationService _authentication = Substitute.For<IAuthenticationService>();

    [Fact]
    public async Task OnPostAsync_SignedIn_EndsApiSessionSignsOutAndShowsLoginWithNotice()
    {
        var auth = ApiCalls.AuthAccepting();

        var result = await Create(auth).OnPostAsync(CancellationToken.None);

        _ = auth.Received(1).LogoutAsync(Arg.Any<LogoutRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
        await _authentication.Received(1).SignOutAsync(Arg.Any<HttpContext>(), "Cookies", Arg.Any<AuthenticationProperties>());
        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("/Connexion", redirect.PageName);
        Assert.Equal("deconnexion", redirect.RouteValues?["raison"]);
    }

    [Fact]
    public async Task OnPostAsync_ApiUnreachable_StillSignsOut()
    {
        var auth = Substitute.For<AuthService.AuthServiceClient>();
        auth.LogoutAsync(Arg.Any<LogoutRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Google.Protobuf.WellKnownTypes.Empty>(new RpcException(new Status(StatusCode.Unavailable, "down"))));

        var result = await Create(auth).OnPostAsync(CancellationToken.None);

        await _authentication.Received(1).SignOutAsync(Arg.Any<HttpContext>(), "Cookies", Arg.Any<AuthenticationProperties>());
        Assert.IsType<RedirectToPageResult>(result);
    }

    private DeconnexionModel Create(AuthService.AuthServiceClient auth) =>
        new(auth, NullLogger<DeconnexionModel>.Instance) { PageContext = PageContexts.Create(_authentication) };
}
