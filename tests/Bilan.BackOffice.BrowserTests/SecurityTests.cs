using Bilan.BackOffice.BrowserTests.TestSupport;
using Microsoft.Playwright;

namespace Bilan.BackOffice.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class SecurityTests(RunningBilan stack)
{
    [Theory]
    [InlineData("/Connexion")]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    public async Task RealResponses_CarryTheSecurityHeaders(string path)
    {
        await using var tab = await stack.NewPageAsync();
        await tab.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);

        var response = await tab.GotoAsync(path) ?? throw new InvalidOperationException("No response");
        var headers = await response.AllHeadersAsync();

        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);
    }

    [Fact]
    public async Task InjectedInlineScript_IsBlockedByTheContentSecurityPolicy()
    {
        await using var tab = await stack.NewPageAsync();
        await tab.GotoAsync("/Connexion");

        // As an injected <script> would: the page's own policy must stop it.
        await tab.Page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'document.title = "pwned"'; document.body.appendChild(s); }
            """);

        Assert.NotEqual("pwned", await tab.Page.TitleAsync());
    }

    [Fact]
    public async Task Layout_SkipLinkLandmarksAndVisibleFocus()
    {
        await using var tab = await stack.NewPageAsync(width: 768, height: 1024);
        await tab.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);

        await tab.Page.Keyboard.PressAsync("Tab");
        var skip = tab.Page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu principal" });
        Assert.True(await skip.EvaluateAsync<bool>("e => e === document.activeElement"));
        var outline = await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.Equal("solid", outline);
        await tab.ScreenshotAsync("tablette-focus-lien-evitement");

        // The stylesheet applies (a compressed copy once came back empty, unstyled).
        Assert.Equal("rgb(245, 246, 248)", await tab.Page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal(1, await tab.Page.GetByRole(AriaRole.Main).CountAsync());
        Assert.Equal(1, await tab.Page.GetByRole(AriaRole.Banner).CountAsync());
        Assert.Equal(1, await tab.Page.GetByRole(AriaRole.Contentinfo).CountAsync());
        Assert.Equal("page", await tab.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Tableau de bord" }).GetAttributeAsync("aria-current"));
        // No horizontal scrolling at tablet width.
        Assert.True(await tab.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }
}
