using Bilan.BackOffice.BrowserTests.TestSupport;
using Microsoft.Playwright;

namespace Bilan.BackOffice.BrowserTests;

[Collection(BrowserSuite.Name)]
public sealed class BeneficiaryConflictTests(RunningBilan stack)
{
    [Fact]
    public async Task TwoColleaguesEditTheSameBeneficiary_TheSecondSaveSaysSomeoneElseChangedItAndKeepsTheTyping()
    {
        await using var first = await stack.NewPageAsync();
        await using var second = await stack.NewPageAsync();
        await first.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
        await Assertions.Expect(first.Page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
        await second.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
        await Assertions.Expect(second.Page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
        var id = await first.CreateBeneficiaryAsync("Gaëlle", $"Conflit-{Guid.NewGuid().ToString("N")[..6]}");

        // Both open the form; the first saves a new phone number.
        await first.GotoAsync($"/Beneficiaires/{id}/Modifier");
        await second.GotoAsync($"/Beneficiaires/{id}/Modifier");
        await first.FillAsync("Téléphone (facultatif)", "07 00 00 00 01");
        await first.SubmitAsync(first.Button("Enregistrer les modifications"));
        await first.ExpectNoticeAsync("Les modifications ont été enregistrées.");

        // The second saves from the form they opened before: refused, told why, their typing still there.
        await second.FillAsync("Prénom", "Gaëlle-Marie");
        await second.FillAsync("Téléphone (facultatif)", "07 00 00 00 02");
        await second.SubmitAsync(second.Button("Enregistrer les modifications"));

        Assert.Equal("Modifier le bénéficiaire", await second.HeadingAsync());
        var conflict = await second.Page.Locator("#conflit").InnerTextAsync();
        Assert.Contains("Quelqu’un d’autre a modifié ce bénéficiaire pendant que vous le modifiiez : vos modifications n’ont pas été enregistrées.", conflict, StringComparison.Ordinal);
        Assert.Equal("Gaëlle-Marie", await second.Page.GetByLabel("Prénom", new() { Exact = true }).InputValueAsync());
        Assert.Equal("07 00 00 00 02", await second.Page.GetByLabel("Téléphone (facultatif)", new() { Exact = true }).InputValueAsync());
        await second.ScreenshotAsync("beneficiaire-modifie-par-quelqu-un-d-autre");

        // The reload link shows the first one's version.
        await second.SubmitAsync(second.Page.GetByRole(AriaRole.Link, new() { Name = "Recharger la fiche à jour", Exact = true }));
        Assert.Equal("07 00 00 00 01", await second.Page.GetByLabel("Téléphone (facultatif)", new() { Exact = true }).InputValueAsync());
        Assert.Equal("Gaëlle", await second.Page.GetByLabel("Prénom", new() { Exact = true }).InputValueAsync());
        Assert.Equal(0, await second.Page.Locator("#conflit").CountAsync());
    }
}
