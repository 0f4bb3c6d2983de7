using System.Globalization;
using Microsoft.Playwright;

namespace Bilan.BackOffice.BrowserTests.TestSupport;

/// <summary>
/// The back-office steps of a staff day that are more than one click: create a beneficiary, create a bilan, plan
/// an interview and record it held on the bilan's page. Every step goes through the forms, as a user would.
/// </summary>
public static class Journey
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>Today in Paris, the back-office's calendar.</summary>
    public static DateOnly ParisToday => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    /// <summary>The value an <c>&lt;input type="date"&gt;</c> takes.</summary>
    public static string DateInput(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date as the back-office shows it, <c>dd/MM/yyyy</c>.</summary>
    public static string Shown(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The button named <paramref name="name"/> (exactly).</summary>
    public static ILocator Button(this BackOfficePage tab, string name)
    {
        ArgumentNullException.ThrowIfNull(tab);
        return tab.Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = name, Exact = true });
    }

    /// <summary>
    /// Fills the beneficiary form (new or edit page) with an employee and one « congé parental » period, a situation
    /// during which a bilan may take place.
    /// </summary>
    public static async Task FillBeneficiaryAsync(this BackOfficePage tab, string givenName, string familyName, string email, DateOnly leaveStart, DateOnly leaveEnd)
    {
        ArgumentNullException.ThrowIfNull(tab);
        await tab.FillAsync("Prénom", givenName);
        await tab.FillAsync("Nom", familyName);
        await tab.FillAsync("Adresse e-mail", email);
        await tab.FillAsync("Téléphone (facultatif)", "06 11 22 33 44");
        await tab.SelectAsync("Catégorie de public", "salarié");
        await tab.FillAsync("Nom de l’employeur", "Mécanique de l'Ouest SAS");
        await tab.FillAsync("SIRET de l’établissement (14 chiffres)", "44306184100047");
        var period = tab.Page.Locator("#periode-0");
        await period.GetByLabel("Situation", new LocatorGetByLabelOptions { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "congé parental (bilan possible)" });
        await period.GetByLabel("Date de début", new LocatorGetByLabelOptions { Exact = true }).FillAsync(DateInput(leaveStart));
        await period.GetByLabel("Date de fin (facultative)", new LocatorGetByLabelOptions { Exact = true }).FillAsync(DateInput(leaveEnd));
    }

    /// <summary>Creates a beneficiary through the beneficiaries pages; returns its id (from the page's address).</summary>
    public static async Task<string> CreateBeneficiaryAsync(this BackOfficePage tab, string givenName, string familyName, string? screenshot = null)
    {
        ArgumentNullException.ThrowIfNull(tab);
        var today = ParisToday;
        await tab.GotoAsync("/Beneficiaires");
        await tab.ClickLinkAsync("Nouveau bénéficiaire");
        Assert.Equal("Nouveau bénéficiaire", await tab.HeadingAsync());
        var email = $"{givenName}.{familyName}.{Guid.NewGuid().ToString("N")[..8]}@example.org".ToLowerInvariant();
        await tab.FillBeneficiaryAsync(givenName, familyName, email, today.AddMonths(-2), today.AddMonths(4));
        if (screenshot is not null)
        {
            await tab.ScreenshotAsync(screenshot);
        }

        await tab.SubmitAsync(tab.Page.Locator("#enregistrer"));
        Assert.Equal($"{givenName} {familyName}", await tab.HeadingAsync());
        Assert.Contains("Le bénéficiaire a été créé.", await tab.MainTextAsync(), StringComparison.Ordinal);
        var path = new Uri(tab.Page.Url).AbsolutePath;
        return path[(path.LastIndexOf('/') + 1)..];
    }

    /// <summary>Plans an interview on the bilan's page (the bilan page must be open).</summary>
    public static async Task ScheduleInterviewAsync(this BackOfficePage tab, string phase, DateTime parisStart, int minutes, string mode = "Sur place")
    {
        ArgumentNullException.ThrowIfNull(tab);
        var form = tab.Page.Locator("#form-planifier");
        await form.GetByLabel("Phase", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = phase });
        await form.GetByLabel("Date et heure (heure de Paris)", new LocatorGetByLabelOptions { Exact = true })
            .FillAsync(parisStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await form.GetByLabel("Durée prévue en minutes", new LocatorGetByLabelOptions { Exact = true }).FillAsync(minutes.ToString(CultureInfo.InvariantCulture));
        await form.GetByLabel("Modalité", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = mode });
        await tab.SubmitAsync(form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Planifier l'entretien", Exact = true }));
        await ExpectNoticeAsync(tab, "L'entretien a été planifié.");
    }

    /// <summary>Records the interview planned at <paramref name="parisStart"/> as held for <paramref name="heldMinutes"/>.</summary>
    public static async Task HoldInterviewAsync(this BackOfficePage tab, DateTime parisStart, int heldMinutes)
    {
        ArgumentNullException.ThrowIfNull(tab);
        var when = string.Create(CultureInfo.InvariantCulture, $"Entretien du {parisStart:dd/MM/yyyy} à {parisStart:HH:mm}");
        var details = tab.Page.Locator("details.interview-actions").Filter(new LocatorFilterOptions { HasText = when });
        await details.Locator("summary").ClickAsync();
        var form = details.Locator("form[id^='form-issue-']");
        await form.GetByLabel("Résultat", new LocatorGetByLabelOptions { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Réalisé" });
        await form.GetByLabel("Durée réelle en minutes (si réalisé)", new LocatorGetByLabelOptions { Exact = true })
            .FillAsync(heldMinutes.ToString(CultureInfo.InvariantCulture));
        await tab.SubmitAsync(form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Enregistrer l'issue", Exact = true }));
        await ExpectNoticeAsync(tab, "L'entretien est enregistré comme réalisé.");
    }

    /// <summary>Presses a transition button of the bilan's page (« Démarrer le bilan », ...).</summary>
    public static Task TransitionAsync(this BackOfficePage tab, string buttonName)
    {
        ArgumentNullException.ThrowIfNull(tab);
        return tab.SubmitAsync(tab.Page.Locator("#actions").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = buttonName, Exact = true }));
    }

    /// <summary>The bilan's state as its page shows it.</summary>
    public static Task<string> BilanStateAsync(this BackOfficePage tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        return tab.Page.Locator("#etat-bilan").InnerTextAsync();
    }

    /// <summary>Fails with the page's error summary when the notice <paramref name="expected"/> is not shown.</summary>
    public static async Task ExpectNoticeAsync(this BackOfficePage tab, string expected)
    {
        ArgumentNullException.ThrowIfNull(tab);
        var main = await tab.MainTextAsync();
        if (!main.Contains(expected, StringComparison.Ordinal))
        {
            var errors = await tab.Page.Locator("[role=alert], .form__error, .status--error").AllInnerTextsAsync();
            Assert.Fail($"Expected « {expected} » on {tab.Page.Url}; the page says: {string.Join(" | ", errors.Where(e => e.Trim().Length > 0))}");
        }
    }
}
