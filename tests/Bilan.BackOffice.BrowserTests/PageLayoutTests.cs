using Bilan.BackOffice.BrowserTests.TestSupport;
using Microsoft.Playwright;

namespace Bilan.BackOffice.BrowserTests;

/// <summary>
/// The main pages at a 1280x800 screen and a tablet held upright (820x1180): nothing wider than the window, and the
/// keyboard reaches every main form field with a visible focus. A screenshot of each page at each size.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class PageLayoutTests(RunningBilan stack)
{
    /// <summary>The demo bilan the bilan pages are read on: in conclusion, funded by the employer's plan (with a convention).</summary>
    private const string DemoBilanOf = "Sophie Lefèvre";

    /// <summary>The elements wider than the window, for the failure message.</summary>
    private const string OverflowingElements = """
        () => {
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''));
        }
        """;

    /// <summary>The focused element as « id|visible »: its id, and whether its focus shows (a solid outline of 2 px at least).</summary>
    private const string FocusedElement = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return '|false';
            const style = getComputedStyle(e);
            return (e.id || '') + '|' + (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2);
        }
        """;

    [Theory]
    [InlineData(1280, 800, "ecran-1280x800")]
    [InlineData(820, 1180, "tablette-820x1180")]
    public async Task MainPages_HaveNoHorizontalScroll(int width, int height, string size)
    {
        await using var tab = await stack.NewPageAsync(width, height);
        await tab.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
        await Assertions.Expect(tab.Page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
        var bilan = await DemoBilanPathAsync(tab);

        (string Path, string Name)[] pages =
        [
            ("/", "tableau-de-bord"),
            ("/Bilans", "bilans-liste"),
            ("/Bilans/Nouveau", "bilan-nouveau"),
            (bilan, "bilan-detail"),
            ($"{bilan}/Consentement", "bilan-consentement"),
            ($"{bilan}/Synthese", "bilan-synthese"),
            ($"{bilan}/Synthese/Impression", "bilan-synthese-impression"),
            ($"{bilan}/Synthese/Acces", "bilan-synthese-acces"),
            ($"{bilan}/Financement", "bilan-financement"),
            ($"{bilan}/Convention", "bilan-convention"),
            ($"{bilan}/Autorisation", "bilan-autorisation"),
            ($"{bilan}/Suivi", "bilan-suivi"),
            ($"{bilan}/Satisfaction", "bilan-satisfaction"),
            ("/Beneficiaires", "beneficiaires-liste"),
            ("/Beneficiaires/Nouveau", "beneficiaire-nouveau"),
            ("/Qualite/Reclamations", "reclamations-liste"),
            ("/Qualite/Reclamations/Nouvelle", "reclamation-nouvelle"),
            ("/Rapports/Bpf", "rapport-bpf"),
            ("/Rapports/Qualite", "rapport-qualite"),
            ("/Regles", "regles"),
            ("/Administration", "administration"),
            ("/Administration/Utilisateurs", "administration-utilisateurs"),
            ("/Administration/Organisations", "administration-organisations"),
            ("/Administration/Consultants", "administration-consultants"),
        ];
        var failures = new List<string>();
        foreach (var (path, name) in pages)
        {
            var response = await tab.GotoAsync(path);
            if (response?.Status != 200)
            {
                failures.Add($"{path}: HTTP {response?.Status}");
                continue;
            }

            await tab.ScreenshotAsync($"{size}-{name}");
            var fits = await tab.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
            if (!fits)
            {
                var wide = await tab.Page.EvaluateAsync<string[]>(OverflowingElements);
                failures.Add($"{path}: scrolls horizontally ({string.Join(", ", wide)})");
            }
        }

        Assert.True(failures.Count == 0, $"At {width}x{height}: {string.Join("; ", failures)}");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(820, 1180)]
    public async Task Keyboard_TabReachesTheMainFormFieldsWithAVisibleFocus(int width, int height)
    {
        await using var tab = await stack.NewPageAsync(width, height);
        await tab.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
        await Assertions.Expect(tab.Page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
        var bilan = await DemoBilanPathAsync(tab);

        (string Path, string[] Fields)[] forms =
        [
            ("/Beneficiaires/Nouveau", ["Saisie_Prenom", "Saisie_Nom", "Saisie_Email", "Saisie_Telephone", "Saisie_Categorie", "Saisie_EmployeurNom", "Saisie_EmployeurSiret", "Saisie_Situations_0__Type", "Saisie_Situations_0__Debut", "enregistrer"]),
            ("/Bilans/Nouveau", ["Beneficiaire", "Financement", "TempsDeTravail", "HeuresPrevues", "DebutPrevu", "creer-bilan"]),
            ($"{bilan}/Synthese", ["Saisie_Circonstances", "Saisie_CompetencesEtPistes", "Saisie_ProjetEtEtapes", "Saisie_Observations", "enregistrer-synthese"]),
            (bilan, ["ConsultantChoisi", "planifier-phase", "planifier-debut", "planifier-duree", "planifier-modalite", "planifier"]),
        ];
        var failures = new List<string>();
        foreach (var (path, fields) in forms)
        {
            await tab.GotoAsync(path);
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var last = fields[^1];
            for (var press = 0; press < 150 && !reached.Contains(last); press++)
            {
                await tab.Page.Keyboard.PressAsync("Tab");
                var focused = (await tab.Page.EvaluateAsync<string>(FocusedElement)).Split('|');
                var (id, visible) = (focused[0], focused[1] == "true");
                if (fields.Contains(id, StringComparer.Ordinal))
                {
                    reached.Add(id);
                    if (!visible)
                    {
                        failures.Add($"{path}: #{id} has no visible focus outline");
                    }
                }
            }

            var missing = fields.Where(field => !reached.Contains(field)).ToList();
            if (missing.Count > 0)
            {
                failures.Add($"{path}: Tab never reached {string.Join(", ", missing.Select(m => "#" + m))}");
            }
        }

        Assert.True(failures.Count == 0, $"At {width}x{height}: {string.Join("; ", failures)}");
    }

    /// <summary>The address of the demo bilan of <see cref="DemoBilanOf"/>, found in the bilans list.</summary>
    private static async Task<string> DemoBilanPathAsync(BackOfficePage tab)
    {
        await tab.GotoAsync("/Bilans");
        var href = await tab.Page.Locator("main table").GetByRole(AriaRole.Link, new() { Name = DemoBilanOf, Exact = true }).First.GetAttributeAsync("href");
        return href ?? throw new InvalidOperationException($"No bilan of {DemoBilanOf} in the list.");
    }
}
