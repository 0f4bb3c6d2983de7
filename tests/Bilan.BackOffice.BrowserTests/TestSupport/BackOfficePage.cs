using Microsoft.Playwright;

namespace Bilan.BackOffice.BrowserTests.TestSupport;

/// <summary>
/// One browser tab on the back-office, with the steps every journey uses: log in, open a page, fill a field by its
/// French label, press a button by its French name, read the alert, save a screenshot. A later journey test
/// (beneficiary, bilan, interviews, phases) is written with these steps.
/// </summary>
public sealed class BackOfficePage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    /// <summary>The Playwright page, for anything the helpers do not cover.</summary>
    public IPage Page { get; } = page;

    /// <summary>The last main response's headers, for example those of <see cref="GotoAsync"/>.</summary>
    public IResponse? LastResponse { get; private set; }

    /// <summary>Opens <paramref name="path"/> of the back-office.</summary>
    public async Task<IResponse?> GotoAsync(string path)
    {
        LastResponse = await Page.GotoAsync(path);
        return LastResponse;
    }

    /// <summary>Logs in through the login page; does not check where it lands.</summary>
    public async Task LoginAsync(string email, string password)
    {
        await GotoAsync("/Connexion");
        await FillAsync("Adresse e-mail", email);
        await FillAsync("Mot de passe", password);
        await ClickAsync("Se connecter");
    }

    /// <summary>Logs out with the header's button.</summary>
    public Task LogoutAsync() => ClickAsync("Déconnexion");

    /// <summary>Fills the field whose label is exactly <paramref name="label"/>.</summary>
    public Task FillAsync(string label, string value) =>
        Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true }).FillAsync(value);

    /// <summary>Chooses the option labelled <paramref name="option"/> of the list labelled <paramref name="label"/>.</summary>
    public Task SelectAsync(string label, string option) =>
        Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = option });

    /// <summary>Presses the button (or link styled as one) named <paramref name="name"/>, and waits for the page it loads.</summary>
    public Task ClickAsync(string name) =>
        SubmitAsync(Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true })
            .Or(Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = name, Exact = true })).First);

    /// <summary>Follows the link named <paramref name="name"/> (the first one), and waits for the page it loads.</summary>
    public Task ClickLinkAsync(string name) =>
        SubmitAsync(Page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = name, Exact = true }).First);

    /// <summary>
    /// Presses <paramref name="target"/> (a form's submit button or a link) and waits until the page it leads to has
    /// loaded: the load event of the next document, so that a POST answered on the same address (a refused form, a
    /// redirect back to the same page) is waited for too, and the old page is never read by mistake.
    /// (<c>WaitForLoadStateAsync</c> would not do: it returns at once, the page being already loaded before the click.)
    /// </summary>
    public async Task SubmitAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage page) => loaded.TrySetResult();
        Page.Load += OnLoad;
        try
        {
            await target.ClickAsync();
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Page.Load -= OnLoad;
        }
    }

    /// <summary>The page's main heading.</summary>
    public Task<string> HeadingAsync() => Page.Locator("h1").InnerTextAsync();

    /// <summary>The text of the page's main content.</summary>
    public Task<string> MainTextAsync() => Page.Locator("main").InnerTextAsync();

    /// <summary>Saves a full-page screenshot as <c>screenshots/NAME.png</c>.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repository.ScreenshotsFolder, name + ".png"), FullPage = true });

    /// <summary>The cookies of this tab's context.</summary>
    public Task<IReadOnlyList<BrowserContextCookiesResult>> CookiesAsync() => context.CookiesAsync();

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
