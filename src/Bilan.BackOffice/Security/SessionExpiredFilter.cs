using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Bilan.BackOffice.Security;

/// <summary>
/// When a page's call to the API answers UNAUTHENTICATED (the API session expired, was ended or the user was
/// disabled), signs the user out and sends them to the login page with a French notice.
/// </summary>
public sealed class SessionExpiredFilter : IAsyncPageFilter
{
    /// <summary>The login page's <c>raison</c> value for an expired session.</summary>
    public const string Reason = "session-expiree";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is RpcException { StatusCode: StatusCode.Unauthenticated } && !executed.ExceptionHandled)
        {
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            executed.Result = new RedirectToPageResult("/Connexion", new { raison = Reason });
            executed.ExceptionHandled = true;
        }
    }
}
