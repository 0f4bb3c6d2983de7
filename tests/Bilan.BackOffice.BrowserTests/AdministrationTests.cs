using Bilan.BackOffice.BrowserTests.TestSupport;
using Microsoft.Playwright;

namespace Bilan.BackOffice.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class AdministrationTests(RunningBilan stack)
{
    [Fact]
    public async Task Admin_CreatesAUserWhoLogsInThenResetsTheirPassword()
    {
        var email = $"paul.durand.{Guid.NewGuid():N}@example.org";
        await using var tab = await stack.NewPageAsync();
        await tab.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
        await tab.ClickLinkAsync("Administration");
        Assert.Equal("Administration", await tab.HeadingAsync());
        await tab.ScreenshotAsync("administration");
        await tab.ClickLinkAsync("Utilisateurs");
        await tab.ScreenshotAsync("utilisateurs");
        await tab.ClickAsync("Créer un utilisateur");

        // First a password the API refuses: the French message sits next to the field, the rest stays typed.
        await tab.FillAsync("Adresse e-mail", email);
        await tab.FillAsync("Nom", "Paul Durand");
        await tab.SelectAsync("Rôle", "Support");
        await tab.FillAsync("Mot de passe initial", "court");
        await tab.ClickAsync("Créer l’utilisateur");
        Assert.Equal("Créer un utilisateur", await tab.HeadingAsync());
        Assert.NotEmpty(await tab.Page.Locator("[data-valmsg-for='Saisie.MotDePasse']").InnerTextAsync());
        Assert.Equal(email, await tab.Page.GetByLabel("Adresse e-mail").InputValueAsync());
        await tab.ScreenshotAsync("utilisateur-refuse");

        await tab.FillAsync("Mot de passe initial", "Support-mot-de-passe-2026");
        await tab.ClickAsync("Créer l’utilisateur");

        Assert.Equal("Utilisateurs", await tab.HeadingAsync());
        Assert.Contains($"Le compte de Paul Durand ({email}) est créé, avec le rôle support.", await tab.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains(email, await tab.Page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);

        await using var newcomer = await stack.NewPageAsync();
        await newcomer.LoginAsync(email, "Support-mot-de-passe-2026");
        Assert.Equal("Tableau de bord", await newcomer.HeadingAsync());

        // A reset with a generated temporary password, shown once, ends the session and lets them in again.
        await tab.ClickLinkAsync($"Réinitialiser le mot de passe de {email}");
        await tab.ClickAsync("Générer un mot de passe temporaire");
        var temporary = await tab.Page.GetByLabel("Mot de passe temporaire").InputValueAsync();
        Assert.Contains("il ne sera plus jamais affiché", await tab.MainTextAsync(), StringComparison.Ordinal);
        await tab.ScreenshotAsync("mot-de-passe-temporaire");
        await newcomer.GotoAsync("/Bilans");
        Assert.Contains("/Connexion", newcomer.Page.Url, StringComparison.Ordinal);
        await newcomer.LoginAsync(email, temporary);
        Assert.Equal("Tableau de bord", await newcomer.HeadingAsync());
    }

    [Fact]
    public async Task Admin_CreatesAnOrganisationAndAnApiKeyShownOnce()
    {
        var name = $"Clinique des Tests {Guid.NewGuid().ToString("N")[..6]}";
        await using var tab = await stack.NewPageAsync();
        await tab.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
        await tab.GotoAsync("/Administration/Organisations");
        await tab.ScreenshotAsync("organisations");
        await tab.ClickAsync("Créer une organisation");
        await tab.FillAsync("Nom", name);
        await tab.ClickAsync("Créer l’organisation");

        Assert.Equal($"Clés d’API — {name}", await tab.HeadingAsync());
        Assert.Contains("Aucune clé d’API pour cette organisation.", await tab.MainTextAsync(), StringComparison.Ordinal);
        await tab.ClickAsync("Créer une clé d’API");
        await tab.FillAsync("Nom de la clé", "SIRH des tests - production");
        await tab.ClickAsync("Créer la clé");

        Assert.Equal("Clé d’API créée", await tab.HeadingAsync());
        var secret = await tab.Page.GetByLabel("Secret de la clé").InputValueAsync();
        Assert.StartsWith("bk_", secret, StringComparison.Ordinal);
        Assert.Contains("il ne sera plus jamais affiché", await tab.MainTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, tab.Page.Url, StringComparison.Ordinal);
        Assert.All(await tab.CookiesAsync(), cookie => Assert.DoesNotContain(secret, cookie.Value, StringComparison.Ordinal));
        await tab.ScreenshotAsync("cle-api-creee");

        // Back on the list: the key is there, by its prefix only, and its secret is nowhere.
        await tab.ClickLinkAsync("Retour aux clés d’API");
        var keys = await tab.Page.Locator("table").InnerTextAsync();
        Assert.Contains("SIRH des tests - production", keys, StringComparison.Ordinal);
        Assert.Contains(secret[..10], keys, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await tab.Page.ContentAsync(), StringComparison.Ordinal);
        await tab.ScreenshotAsync("cles-api");

        // Revoking asks to confirm first.
        await tab.ClickLinkAsync("Révoquer la clé SIRH des tests - production");
        Assert.Equal("Révoquer une clé d’API", await tab.HeadingAsync());
        await tab.ScreenshotAsync("revoquer-cle");
        await tab.ClickAsync("Révoquer définitivement la clé");
        Assert.Contains("est révoquée", await tab.MainTextAsync(), StringComparison.Ordinal);
        Assert.Contains("révoquée le", await tab.Page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consultant_CannotOpenAdministrationNorSeeItInTheNavigation()
    {
        await using var tab = await stack.NewPageAsync();
        await tab.LoginAsync(DemoLogins.ConsultantEmail, DemoLogins.ConsultantPassword);
        Assert.Equal(0, await tab.Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Administration" }).CountAsync());

        var response = await tab.GotoAsync("/Administration/Utilisateurs");

        Assert.Equal(403, response?.Status);
        Assert.Equal("Accès refusé", await tab.HeadingAsync());
        await tab.ScreenshotAsync("acces-refuse");
    }
}
