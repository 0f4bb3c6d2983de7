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
}
