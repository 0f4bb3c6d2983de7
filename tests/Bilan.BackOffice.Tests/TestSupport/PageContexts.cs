using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Bilan.BackOffice.Tests.TestSupport;

/// <summary>A page context whose sign-in and sign-out land in a substituted <see cref="IAuthenticationService"/>.</summary>
public static class PageContexts
{
    public static PageContext Create(IAuthenticationService authentication, ClaimsPrincipal? user = null)
    {
        var services = new ServiceCollection().AddSingleton(authentication).BuildServiceProvider();
        var httpContext = new DefaultHttpContext { RequestServices = services };
        if (user is not null)
        {
            httpContext.User = user;
        }

        return new PageContext { HttpContext = httpContext };
    }

    /// <summary>A page context signed in with <paramref name="role"/> (the claims the real login gives).</summary>
    public static PageContext SignedIn(Bilan.Contracts.V1.StaffRole role) =>
        Create(NSubstitute.Substitute.For<IAuthenticationService>(), Bilan.BackOffice.Security.SessionClaims.PrincipalFrom(ApiCalls.Login(role), "test"));

    /// <summary>Gives <paramref name="page"/> a signed-in context and a TempData that keeps values in memory.</summary>
    public static TPage WithUser<TPage>(this TPage page, Bilan.Contracts.V1.StaffRole role)
        where TPage : PageModel
    {
        ArgumentNullException.ThrowIfNull(page);
        page.PageContext = SignedIn(role);
        page.TempData = new Microsoft.AspNetCore.Mvc.ViewFeatures.TempDataDictionary(
            page.PageContext.HttpContext, NSubstitute.Substitute.For<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider>());
        return page;
    }
}
