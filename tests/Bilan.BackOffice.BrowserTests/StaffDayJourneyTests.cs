using Bilan.BackOffice.BrowserTests.TestSupport;
using Microsoft.Playwright;

namespace Bilan.BackOffice.BrowserTests;

/// <summary>
/// A whole day of staff work on one bilan, through the back-office only, against the real API and database: the
/// administrator creates the beneficiary and the bilan, assigns the demo consultant (Claire Dupont, whose login is
/// consultant@example.org) and records the consent after the API refused the start without it; the consultant plans
/// and holds the interviews, takes the bilan through its three phases, writes and hands over the synthesis, completes
/// the bilan, holds the follow-up interview and closes it; then the history is read back.
/// <para>
/// One test, in named steps (<see cref="Steps"/>): every step needs the state the previous ones left (the same bilan),
/// so separate tests would only fail in cascade, and xunit does not order tests. A failure names the step
/// (« Étape 07 « ... » : ... ») and saves the tabs as <c>screenshots/echec-journee-etape-07-*.png</c>.
/// </para>
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class StaffDayJourneyTests(RunningBilan stack)
{
    private const string ConsultantName = "Claire Dupont";

    [Fact]
    public async Task AStaffDay_FromTheRequestToTheClosedBilan_ThroughTheBackOfficeOnly()
    {
        await using var admin = await stack.NewPageAsync();
        await using var consultant = await stack.NewPageAsync();
        var steps = new Steps("journee", admin, consultant);
        var today = Journey.ParisToday;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var givenName = "Inès";
        var familyName = $"Journée-{suffix}";
        var fullName = $"{givenName} {familyName}";
        string beneficiaryId = string.Empty;
        string bilanPath = string.Empty;

        // The interviews took place over the last days (an outcome is recorded once the interview has begun), in the
        // evening, when the demo interviews of the same consultant (09:00 and 13:00 UTC) are over: no overlap.
        var preliminary = Evening(today.AddDays(-9));
        var investigation1 = Evening(today.AddDays(-7));
        var investigation2 = Evening(today.AddDays(-6));
        var conclusion = Evening(today.AddDays(-4));
        var followUp = Evening(today.AddDays(-1));

        await steps.Step("L'administrateur se connecte et voit le tableau de bord", async () =>
        {
            await admin.LoginAsync(DemoLogins.AdminEmail, DemoLogins.AdminPassword);
            await Assertions.Expect(admin.Page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
            await admin.ScreenshotAsync("journee-01-tableau-de-bord-admin");
        });

        await steps.Step("L'administrateur crée le bénéficiaire avec une période de situation", async () =>
        {
            await admin.ClickLinkAsync("Bénéficiaires");
            Assert.Equal("Bénéficiaires", await admin.HeadingAsync());
            await admin.ScreenshotAsync("journee-02-beneficiaires-liste");
            beneficiaryId = await admin.CreateBeneficiaryAsync(givenName, familyName, screenshot: "journee-03-beneficiaire-formulaire");
            var page = await admin.MainTextAsync();
            Assert.Contains("congé parental", page, StringComparison.Ordinal);
            Assert.Contains(Journey.Shown(today.AddMonths(-2)), page, StringComparison.Ordinal);
            await admin.ScreenshotAsync("journee-04-beneficiaire-fiche");
        });

        await steps.Step("L'administrateur crée le bilan (financement personnel, hors temps de travail)", async () =>
        {
            await admin.ClickLinkAsync("Bilans");
            Assert.Equal("Bilans", await admin.HeadingAsync());
            await admin.ScreenshotAsync("journee-05-bilans-liste");
            await admin.ClickLinkAsync("Nouveau bilan");
            await admin.Page.GetByLabel("Bénéficiaire", new() { Exact = true })
                .SelectOptionAsync(new SelectOptionValue { Value = $"beneficiaries/{beneficiaryId}" });
            await admin.SelectAsync("Financement", "Financement personnel");
            await admin.SelectAsync("Temps de travail", "Hors temps de travail");
            await admin.FillAsync("Heures prévues (24 h au plus)", "20");
            await admin.FillAsync("Début prévu (facultatif)", Journey.DateInput(today.AddDays(-10)));
            await admin.ScreenshotAsync("journee-06-bilan-nouveau");
            await admin.SubmitAsync(admin.Button("Créer le bilan"));

            Assert.Equal($"Bilan de {fullName}", await admin.HeadingAsync());
            await admin.ExpectNoticeAsync("Le bilan a été créé.");
            Assert.Equal("demandé", await admin.BilanStateAsync());
            bilanPath = new Uri(admin.Page.Url).AbsolutePath;
            await admin.ScreenshotAsync("journee-07-bilan-demande");
        });

        await steps.Step("L'administrateur attribue la consultante de démonstration", async () =>
        {
            await admin.SelectAsync("Attribuer au consultant", ConsultantName);
            await admin.SubmitAsync(admin.Button("Attribuer"));
            await admin.ExpectNoticeAsync("Le consultant a été attribué.");
            Assert.Equal(ConsultantName, await admin.Page.Locator("#consultant-bilan").InnerTextAsync());
        });

        await steps.Step("Démarrer sans consentement : le message français de l'API s'affiche", async () =>
        {
            await admin.TransitionAsync("Démarrer le bilan");
            var errors = await admin.Page.Locator("#erreurs").InnerTextAsync();
            Assert.Contains("Le consentement du bénéficiaire au bilan n'est pas enregistré (art. L6313-4) : enregistrez-le d'abord.", errors, StringComparison.Ordinal);
            Assert.Equal("demandé", await admin.BilanStateAsync());
            await admin.ScreenshotAsync("journee-08-bilan-demarrage-refuse-sans-consentement");
        });

        await steps.Step("L'administrateur enregistre le consentement sur la page Consentement", async () =>
        {
            await admin.ClickLinkAsync("Consentement");
            Assert.Equal("Consentement du bénéficiaire", await admin.HeadingAsync());
            Assert.Contains("Aucun consentement n’est enregistré", await admin.MainTextAsync(), StringComparison.Ordinal);
            await admin.ScreenshotAsync("journee-09-consentement-a-recueillir");
            await admin.FillAsync("Date du consentement", Journey.DateInput(today.AddDays(-10)));
            await admin.SelectAsync("Mode de recueil", "formulaire papier signé");
            await admin.SubmitAsync(admin.Button("Enregistrer le consentement"));
            var recorded = await admin.Page.Locator("#consentement-enregistre").InnerTextAsync();
            Assert.Contains(Journey.Shown(today.AddDays(-10)), recorded, StringComparison.Ordinal);
            Assert.Contains("formulaire papier signé", recorded, StringComparison.Ordinal);
            await admin.ScreenshotAsync("journee-10-consentement-enregistre");
        });

        await steps.Step("La consultante se connecte et planifie les entretiens des trois phases", async () =>
        {
            await consultant.LoginAsync(DemoLogins.ConsultantEmail, DemoLogins.ConsultantPassword);
            await Assertions.Expect(consultant.Page.Locator("h1")).ToHaveTextAsync("Tableau de bord");
            await consultant.ScreenshotAsync("journee-11-tableau-de-bord-consultante");
            await consultant.GotoAsync(bilanPath);
            Assert.Equal($"Bilan de {fullName}", await consultant.HeadingAsync());
            await consultant.ScheduleInterviewAsync("Phase préliminaire", preliminary, 180);
            await consultant.ScheduleInterviewAsync("Phase d'investigation", investigation1, 240, "À distance");
            await consultant.ScheduleInterviewAsync("Phase d'investigation", investigation2, 240);
            await consultant.ScheduleInterviewAsync("Phase de conclusion", conclusion, 180);
            Assert.Equal(4, await consultant.Page.Locator("#liste-entretiens tbody tr").CountAsync());
            Assert.Contains("14 h", await consultant.Page.Locator("#heures-prevues").InnerTextAsync(), StringComparison.Ordinal);
        });

        await steps.Step("La consultante démarre le bilan et tient l'entretien préliminaire", async () =>
        {
            await consultant.TransitionAsync("Démarrer le bilan");
            await consultant.ExpectNoticeAsync("Démarrer le bilan : c'est fait.");
            Assert.Equal("phase préliminaire", await consultant.BilanStateAsync());
            await consultant.HoldInterviewAsync(preliminary, 150);
            await consultant.ScreenshotAsync("journee-12-bilan-phase-preliminaire");
        });

        await steps.Step("Phase d'investigation : deux entretiens réalisés", async () =>
        {
            await consultant.TransitionAsync("Passer en phase d'investigation");
            Assert.Equal("phase d'investigation", await consultant.BilanStateAsync());
            await consultant.HoldInterviewAsync(investigation1, 240);
            await consultant.HoldInterviewAsync(investigation2, 240);
            await consultant.ScreenshotAsync("journee-13-bilan-phase-investigation");
        });

        await steps.Step("Phase de conclusion : l'entretien réalisé porte les heures au-delà du minimum de 13 h", async () =>
        {
            await consultant.TransitionAsync("Passer en phase de conclusion");
            Assert.Equal("phase de conclusion", await consultant.BilanStateAsync());
            await consultant.HoldInterviewAsync(conclusion, 180);
            var held = await consultant.Page.Locator("#heures-realisees").InnerTextAsync();
            Assert.Contains("13 h 30", held, StringComparison.Ordinal);
            Assert.Contains("minimum atteint", held, StringComparison.Ordinal);
            await consultant.ScreenshotAsync("journee-14-bilan-phase-conclusion");
        });

        await steps.Step("Terminer avant la remise de la synthèse est refusé", async () =>
        {
            await consultant.TransitionAsync("Terminer le bilan");
            Assert.Contains("synthèse", await consultant.Page.Locator("#erreurs").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("phase de conclusion", await consultant.BilanStateAsync());
        });

        await steps.Step("La consultante rédige la synthèse sur la page Synthèse", async () =>
        {
            await consultant.ClickLinkAsync("Synthèse");
            Assert.Equal("Synthèse du bilan", await consultant.HeadingAsync());
            await consultant.ScreenshotAsync("journee-15-synthese-a-rediger");
            await consultant.FillAsync("Circonstances du bilan", "Bilan demandé par la bénéficiaire pendant son congé parental, hors temps de travail.");
            await consultant.FillAsync("Compétences et aptitudes au regard des pistes envisagées", "Gestion de production, animation d'équipe ; piste retenue : qualité industrielle.");
            await consultant.FillAsync("Projet, conditions et moyens de sa réalisation, principales étapes", "Formation de technicienne qualité en 2027, financée par le CPF ; stage d'observation au printemps.");
            await consultant.SubmitAsync(consultant.Button("Enregistrer le brouillon"));
            await consultant.ExpectNoticeAsync("La synthèse a été enregistrée.");
        });

        await steps.Step("Deux onglets modifient la synthèse : le second est averti et garde son texte", async () =>
        {
            // The administrator opens the same draft in another session, then both change the observations.
            await admin.GotoAsync($"{bilanPath}/Synthese");
            Assert.Equal("Synthèse du bilan", await admin.HeadingAsync());
            await consultant.GotoAsync($"{bilanPath}/Synthese");
            const string TypedByConsultant = "La bénéficiaire souhaite ajouter : « je veux garder un lien avec l'atelier ».";
            await consultant.FillAsync("Observations du bénéficiaire (facultatif)", TypedByConsultant);

            await admin.FillAsync("Observations du bénéficiaire (facultatif)", "Relu par l'administrateur.");
            await admin.SubmitAsync(admin.Button("Enregistrer le brouillon"));
            await admin.ExpectNoticeAsync("La synthèse a été enregistrée.");

            await consultant.SubmitAsync(consultant.Button("Enregistrer le brouillon"));
            var conflict = await consultant.Page.Locator("#conflit").InnerTextAsync();
            Assert.Contains("Quelqu’un d’autre a modifié la synthèse pendant que vous la rédigiez", conflict, StringComparison.Ordinal);
            Assert.Equal(TypedByConsultant, await consultant.Page.GetByLabel("Observations du bénéficiaire (facultatif)", new() { Exact = true }).InputValueAsync());
            Assert.Contains("Formation de technicienne qualité", await consultant.Page.GetByLabel("Projet, conditions et moyens de sa réalisation, principales étapes", new() { Exact = true }).InputValueAsync(), StringComparison.Ordinal);
            await consultant.ScreenshotAsync("journee-16-synthese-modifiee-par-quelqu-un-d-autre");

            // The reload link shows the administrator's version; the consultant saves hers on top of it.
            await consultant.SubmitAsync(consultant.Page.Locator("#recharger"));
            Assert.Equal("Relu par l'administrateur.", await consultant.Page.GetByLabel("Observations du bénéficiaire (facultatif)", new() { Exact = true }).InputValueAsync());
            await consultant.FillAsync("Observations du bénéficiaire (facultatif)", TypedByConsultant);
            await consultant.SubmitAsync(consultant.Button("Enregistrer le brouillon"));
            await consultant.ExpectNoticeAsync("La synthèse a été enregistrée.");
        });

        await steps.Step("La consultante remet la synthèse et ouvre la version imprimable", async () =>
        {
            await consultant.FillAsync("Date et heure de la remise (heure de Paris)", conclusion.AddHours(3).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            await consultant.SelectAsync("Mode de remise", "remise en main propre (entretien sur place)");
            await consultant.SubmitAsync(consultant.Button("Enregistrer la remise"));
            await consultant.ExpectNoticeAsync("La remise de la synthèse au bénéficiaire a été enregistrée ; cette version est désormais figée.");
            Assert.Contains("remise en main propre", await consultant.Page.Locator("#version-synthese").InnerTextAsync(), StringComparison.Ordinal);
            await consultant.ScreenshotAsync("journee-17-synthese-remise");

            await consultant.ClickLinkAsync("Version imprimable");
            Assert.StartsWith("Confidentiel — document strictement personnel", await consultant.Page.Locator("#mention-confidentiel").TextContentAsync(), StringComparison.Ordinal);
            var print = await consultant.Page.Locator("body").InnerTextAsync();
            Assert.Contains("Formation de technicienne qualité", print, StringComparison.Ordinal);
            await consultant.ScreenshotAsync("journee-18-synthese-version-imprimable");
        });

        await steps.Step("La consultante termine le bilan", async () =>
        {
            await consultant.GotoAsync(bilanPath);
            await consultant.TransitionAsync("Terminer le bilan");
            await consultant.ExpectNoticeAsync("Terminer le bilan : c'est fait.");
            Assert.Equal("terminé", await consultant.BilanStateAsync());
            await consultant.ScreenshotAsync("journee-19-bilan-termine");
        });

        await steps.Step("Clôturer sans l'entretien de suivi proposé est refusé", async () =>
        {
            await consultant.TransitionAsync("Clôturer le bilan");
            Assert.Contains("L'entretien de suivi proposé à la fin du bilan (article R6313-4) n'a pas eu lieu", await consultant.Page.Locator("#erreurs").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("terminé", await consultant.BilanStateAsync());
        });

        await steps.Step("Suivi : démarré, entretien de suivi planifié puis réalisé", async () =>
        {
            // The detail page offers StartFollowUp and the FOLLOW_UP interview; declining the follow-up
            // (FollowUpService.DeclineFollowUp) has no control on it yet, so the held follow-up interview is the path taken.
            await consultant.TransitionAsync("Démarrer le suivi");
            Assert.Equal("suivi", await consultant.BilanStateAsync());
            await consultant.ScheduleInterviewAsync("Entretien de suivi", followUp, 60, "À distance");
            await consultant.HoldInterviewAsync(followUp, 60);
            await consultant.ScreenshotAsync("journee-20-bilan-suivi");
        });

        await steps.Step("La consultante clôture le bilan", async () =>
        {
            await consultant.TransitionAsync("Clôturer le bilan");
            await consultant.ExpectNoticeAsync("Clôturer le bilan : c'est fait.");
            Assert.Equal("clôturé", await consultant.BilanStateAsync());
            Assert.Contains("Aucune action n'est possible", await consultant.Page.Locator("#actions").InnerTextAsync(), StringComparison.Ordinal);
            await consultant.ScreenshotAsync("journee-21-bilan-cloture");
        });

        await steps.Step("L'historique du bilan montre les étapes de la journée dans l'ordre", async () =>
        {
            await admin.GotoAsync(bilanPath);
            var labels = await admin.Page.Locator("#historique .timeline__label").AllInnerTextsAsync();
            string[] expected =
            [
                "Bilan créé",
                "Consultant attribué",
                "Consentement au bilan enregistré",
                "Entretien planifié",
                "Entretien planifié",
                "Entretien planifié",
                "Entretien planifié",
                "Bilan démarré : phase préliminaire",
                "Entretien réalisé",
                "Début de la phase d'investigation",
                "Entretien réalisé",
                "Entretien réalisé",
                "Début de la phase de conclusion",
                "Entretien réalisé",
                "Synthèse rédigée ou modifiée", // the consultant's draft
                "Synthèse rédigée ou modifiée", // the administrator's save in the other tab
                "Synthèse rédigée ou modifiée", // the consultant's save after the reload (her refused one wrote nothing)
                "Synthèse remise au bénéficiaire",
                "Bilan terminé",
                "Entretien de suivi proposé",
                "Suivi commencé",
                "Entretien planifié",
                "Entretien réalisé",
                "Bilan clôturé",
                "Documents de travail détruits (fin du bilan)", // R6313-7: nothing was kept (no CEP, no written agreement)
            ];
            Assert.True(expected.SequenceEqual(labels), $"History: {string.Join(" / ", labels)}");
            var history = await admin.Page.Locator("#historique").InnerTextAsync();
            Assert.Contains($"Consultant : {ConsultantName}", history, StringComparison.Ordinal);
            Assert.Contains("Durée réalisée : 2 h 30", history, StringComparison.Ordinal);
            await admin.ScreenshotAsync("journee-22-bilan-historique");
        });

        await steps.Step("La page Convention tripartite du bilan s'ouvre (aucune convention : financement personnel)", async () =>
        {
            await admin.ClickLinkAsync("Convention tripartite");
            Assert.Equal("Convention tripartite", await admin.HeadingAsync());
            Assert.Contains("Aucune convention n'est encore rédigée pour ce bilan.", await admin.MainTextAsync(), StringComparison.Ordinal);
            await admin.ScreenshotAsync("journee-23-convention");
        });

        await steps.Step("Le bilan clôturé apparaît dans la liste et le tableau de bord de l'administrateur", async () =>
        {
            await admin.GotoAsync("/Bilans");
            Assert.Contains(fullName, await admin.MainTextAsync(), StringComparison.Ordinal);
            await admin.ClickLinkAsync("Administration");
            Assert.Equal("Administration", await admin.HeadingAsync());
            await admin.ScreenshotAsync("journee-24-administration");
        });
    }

    /// <summary>19:30, Paris time, on <paramref name="day"/>.</summary>
    private static DateTime Evening(DateOnly day) => day.ToDateTime(new TimeOnly(19, 30));
}
