using System.Net;
using System.Text.RegularExpressions;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using NSubstitute;
using static Grpc.Health.V1.HealthCheckResponse.Types;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

/// <summary>
/// The pages of a bilan's dossier rendered by the real back-office (substituted API, each page's own resource
/// unreadable): above the title, whose bilan it is, where it stands and the link back to it; never the bilan's UUID
/// as text. Then the convention's forms and the satisfaction page of a bilan in progress.
/// </summary>
public sealed partial class BilanDossierRenderingTests
{
    private const string Id = "0193a3c4-0000-7000-8000-0000000000b7";

    private const string InterviewId = "0193a3c4-0000-7000-8000-0000000000e7";

    private static readonly RpcException Down = new(new Status(StatusCode.Unavailable, "down"));

    /// <summary>The forms of the convention page, by the end of their id (<c>form-contenu</c>...), in page order.</summary>
    private static readonly string[] ConventionForms = ["contenu", "remise", "signature", "refus"];

    private readonly FundingService.FundingServiceClient _fundings = Substitute.For<FundingService.FundingServiceClient>();

    private readonly ConventionService.ConventionServiceClient _conventions = Substitute.For<ConventionService.ConventionServiceClient>();

    private readonly WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient _authorizations =
        Substitute.For<WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient>();

    private readonly FollowUpService.FollowUpServiceClient _followUps = Substitute.For<FollowUpService.FollowUpServiceClient>();

    private readonly QualityService.QualityServiceClient _quality = Substitute.For<QualityService.QualityServiceClient>();

    private readonly ConsentService.ConsentServiceClient _consents = Substitute.For<ConsentService.ConsentServiceClient>();

    private readonly SynthesisService.SynthesisServiceClient _syntheses = Substitute.For<SynthesisService.SynthesisServiceClient>();

    private readonly InterviewService.InterviewServiceClient _interviews = Substitute.For<InterviewService.InterviewServiceClient>();

    public BilanDossierRenderingTests()
    {
        _fundings.ListFundingsAsync(Arg.Any<ListFundingsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListFundingsResponse>(Down));
        _conventions.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Convention>(Down));
        _authorizations.GetWorkingTimeAuthorizationAsync(Arg.Any<GetWorkingTimeAuthorizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<WorkingTimeAuthorization>(Down));
        _followUps.GetFollowUpAsync(Arg.Any<GetFollowUpRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FollowUp>(Down));
        _quality.GetSatisfactionSurveyAsync(Arg.Any<GetSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SatisfactionSurvey>(Down));
        _consents.GetBilanConsentAsync(Arg.Any<GetBilanConsentRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<BilanConsent>(Down));
        _syntheses.GetSynthesisAsync(Arg.Any<GetSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Synthesis>(Down));
        _syntheses.ListConfidentialAccessesAsync(Arg.Any<ListConfidentialAccessesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListConfidentialAccessesResponse>(Down));
        _interviews.ListInterviewsAsync(Arg.Any<ListInterviewsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListInterviewsResponse>(Down));
        _interviews.GetInterviewAsync(Arg.Any<GetInterviewRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Interview>(Down));
    }

    /// <summary>Every page of the dossier the bilan's page links to, and the confidential ones.</summary>
    public static TheoryData<string> DossierPages => new()
    {
        "Consentement",
        "Synthese",
        "Synthese/Acces",
        $"Entretiens/{InterviewId}/Notes",
        "Financement",
        "Convention",
        "Autorisation",
        "Suivi",
        "Satisfaction",
    };

    [Theory]
    [MemberData(nameof(DossierPages))]
    public async Task DossierPage_SaysWhoseBilanAndWhereItStandsAndLinksBackToIt(string page)
    {
        await using var factory = Factory(BilanHeadings.Bilan(Id));
        using var client = await SignedInAsync(factory);

        var html = await client.GetStringAsync(new Uri($"/Bilans/{Id}/{page}", UriKind.Relative));

        Assert.Equal("Bilan de Sophie Lefèvre · phase de conclusion — Retour au bilan", TextOf(Heading(html)));
        Assert.Contains($"<a href=\"/Bilans/{Id}\" id=\"retour-bilan\">Retour au bilan</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Beneficiaires/0193a3c4-0000-7000-8000-0000000000a7\"", Heading(html), StringComparison.Ordinal);
        Assert.True(html.IndexOf("id=\"bilan-identite\"", StringComparison.Ordinal) < html.IndexOf("<h1>", StringComparison.Ordinal), "The heading comes before the title.");
        Assert.DoesNotContain(Id, TextOf(MainContent(html)), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DossierPages))]
    public async Task DossierPage_BilanUnreadable_ShowsTheLinkBackAlone(string page)
    {
        await using var factory = Factory(BilanHeadings.BilanFails());
        using var client = await SignedInAsync(factory);

        using var response = await client.GetAsync(new Uri($"/Bilans/{Id}/{page}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Retour au bilan", TextOf(Heading(html)));
        Assert.Contains($"<a href=\"/Bilans/{Id}\" id=\"retour-bilan\">Retour au bilan</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Id, TextOf(MainContent(html)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Convention_FieldsEachInTheirBlockWithTheirErrorAndSectionsInPanels()
    {
        var convention = new Convention
        {
            Name = $"bilans/{Id}/convention", Title = "Bilan de compétences", ObjectiveAndContent = "Objectif.", DurationHours = 18,
            State = ConventionState.Draft, Etag = "W/\"3\"",
            MissingSignatures = { ConventionParty.Employer, ConventionParty.Employee, ConventionParty.Provider },
        };
        _conventions.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(convention));
        _conventions.SignConventionAsync(Arg.Any<SignConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Convention>(SignedInPages.Invalid(("signed_date", "La date de signature ne peut pas être dans le futur."))));
        await using var factory = Factory(BilanHeadings.Bilan(Id, State.Requested));
        using var client = await SignedInAsync(factory);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/Bilans/{Id}/Convention", UriKind.Relative)));

        Assert.DoesNotContain("field-error", html, StringComparison.Ordinal);
        // A draft: its content (10 fields), its handing (2) and the signatures (2); no refusal before the employee has it.
        Assert.Equal(14, Regex.Count(html, "<div class=\"form__field\">"));
        Assert.Equal(14, Regex.Count(html, "class=\"form__error"));
        Assert.Contains("<label for=\"Contenu_Intitule\">Intitulé</label>", html, StringComparison.Ordinal);
        foreach (var section in new[] { "situation", "contenu", "remise", "signature" })
        {
            Assert.Contains($"<section class=\"panel panel--wide\" aria-labelledby=\"{section}-titre\" id=\"{section}\">", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);

        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, $"/Bilans/{Id}/Convention");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Etag"] = "W/\"3\"",
            ["Signature.Partie"] = "Employee",
            ["Signature.Date"] = "2099-01-01",
            ["__RequestVerificationToken"] = token,
        });
        using var posted = await client.PostAsync(new Uri($"/Bilans/{Id}/Convention?handler=Signature", UriKind.Relative), form);
        var answer = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("<span class=\"form__error field-validation-error\" data-valmsg-for=\"Signature.Date\" data-valmsg-replace=\"true\">La date de signature ne peut pas être dans le futur.</span>", answer, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(answer, "Certaines informations sont invalides."));
        Assert.Equal("Bilan de Sophie Lefèvre · demandé — Retour au bilan", TextOf(Heading(answer)));
    }

    /// <summary>
    /// The convention page offers only what the API would accept now (R6313-8: drafted, handed, signed before the
    /// start; the content frozen once handed; a refusal once received): <paramref name="forms"/> are the sections shown,
    /// <paramref name="parties"/> the signatories offered, <paramref name="notice"/> the sentence when nothing is left.
    /// </summary>
    [Theory]
    [InlineData(null, State.Requested, "contenu", "", null)]
    [InlineData(ConventionState.Draft, State.Requested, "contenu remise signature", "Employeur Salarié Prestataire", null)]
    [InlineData(ConventionState.AwaitingSignatures, State.Requested, "remise signature refus", "Salarié", null)]
    [InlineData(ConventionState.Refused, State.Requested, "contenu", "", null)]
    [InlineData(ConventionState.DeemedRefused, State.Requested, "contenu", "", null)]
    [InlineData(ConventionState.Signed, State.Requested, "", "", "La convention est signée par les trois parties : rien d'autre à y enregistrer.")]
    [InlineData(ConventionState.Signed, State.Preliminary, "", "", "Le bilan a démarré : la convention ne change plus.")]
    public async Task Convention_OnlyTheFormsItsStateAllows(ConventionState? state, State bilanState, string forms, string parties, string? notice)
    {
        var convention = state is { } known ? new Convention
        {
            Name = $"bilans/{Id}/convention", Title = "Bilan de compétences", State = known, Etag = "W/\"4\"",
            SentDate = new Google.Type.Date { Year = 2026, Month = 11, Day = 20 },
            ReceivedDate = new Google.Type.Date { Year = 2026, Month = 11, Day = 21 },
        } : null;
        if (convention is { State: ConventionState.Draft })
        {
            convention.MissingSignatures.AddRange([ConventionParty.Employer, ConventionParty.Employee, ConventionParty.Provider]);
            convention.ReceivedDate = null;
        }
        else if (convention is { State: ConventionState.AwaitingSignatures })
        {
            convention.MissingSignatures.Add(ConventionParty.Employee);
        }

        _conventions.GetConventionAsync(Arg.Any<GetConventionRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => convention is null
                ? ApiCalls.Fail<Convention>(ApiCalls.Error(StatusCode.NotFound, "Aucune convention."))
                : ApiCalls.Answer(convention));
        await using var factory = Factory(BilanHeadings.Bilan(Id, bilanState));
        using var client = await SignedInAsync(factory);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/Bilans/{Id}/Convention", UriKind.Relative)));

        var shown = ConventionForms.Where(section => html.Contains($"id=\"form-{section}\"", StringComparison.Ordinal));
        Assert.Equal(forms, string.Join(' ', shown));
        Assert.Equal(parties, string.Join(' ', SignatoryOption().Matches(html).Select(option => option.Groups["label"].Value)));
        if (notice is null)
        {
            Assert.DoesNotContain("id=\"convention-figee\"", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"id=\"convention-figee\">{notice}</p>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Satisfaction_BilanInProgress_ASentenceInsteadOfTheForm()
    {
        _quality.GetSatisfactionSurveyAsync(Arg.Any<GetSatisfactionSurveyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SatisfactionSurvey>(ApiCalls.Error(StatusCode.NotFound, "Aucun questionnaire.")));
        await using var factory = Factory(BilanHeadings.Bilan(Id));
        using var client = await SignedInAsync(factory);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/Bilans/{Id}/Satisfaction", UriKind.Relative)));

        Assert.Contains(
            "<p class=\"status\" role=\"status\" id=\"questionnaire-a-la-fin\">Le questionnaire de satisfaction s'enregistre à la fin du bilan, une fois celui-ci terminé ou abandonné. Ce bilan n'est pas encore terminé (état : phase de conclusion) : vous pourrez saisir les réponses du bénéficiaire à ce moment-là.</p>",
            html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"form panel\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer le questionnaire", html, StringComparison.Ordinal);
    }

    /// <summary>The back-office with every client of the dossier pages substituted, signed in as an administrator.</summary>
    private BackOfficeFactory Factory(BilanService.BilanServiceClient bilans) =>
        new(HealthCalls.Answering(ServingStatus.Serving))
        {
            Auth = ApiCalls.AuthAccepting(StaffRole.Admin),
            Bilans = bilans,
            Beneficiaries = BilanHeadings.Beneficiaries(),
            Interviews = _interviews,
        };

    private Task<HttpClient> SignedInAsync(BackOfficeFactory factory) =>
        factory.With(_fundings).With(_conventions).With(_authorizations).With(_followUps).With(_quality).With(_consents).With(_syntheses)
            .CreateSignedInClientAsync();

    /// <summary>The heading paragraph above the title.</summary>
    private static string Heading(string html) =>
        HeadingParagraph().Match(html) is { Success: true } match ? match.Value : throw new InvalidOperationException("No bilan heading on the page.");

    /// <summary>The page's main content.</summary>
    private static string MainContent(string html) =>
        html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    /// <summary>What a reader sees of <paramref name="html"/>: the text without tags, spaces collapsed.</summary>
    private static string TextOf(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<p class=\"breadcrumb\" id=\"bilan-identite\">.*?</p>", RegexOptions.Singleline)]
    private static partial Regex HeadingParagraph();

    [GeneratedRegex("<option value=\"(Employer|Employee|Provider)\"[^>]*>(?<label>[^<]+)</option>")]
    private static partial Regex SignatoryOption();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
