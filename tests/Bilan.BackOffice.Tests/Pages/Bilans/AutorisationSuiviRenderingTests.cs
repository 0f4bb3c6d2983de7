using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using NSubstitute;
using static Grpc.Health.V1.HealthCheckResponse.Types;
using Date = Google.Type.Date;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

/// <summary>The authorisation and follow-up pages rendered by the real back-office: labels, ids, dd/MM/yyyy dates, antiforgery posts.</summary>
public sealed class AutorisationSuiviRenderingTests
{
    private const string Id = "0193a3c4-0000-7000-8000-0000000000b2";

    private readonly WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient _authorizations =
        Substitute.For<WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient>();

    private readonly FollowUpService.FollowUpServiceClient _followUps = Substitute.For<FollowUpService.FollowUpServiceClient>();

    [Fact]
    public async Task Autorisation_ShowsTheDeadlinesAndLabelledFormsAndPostsTheRequestWithAntiforgery()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        factory.Bilans.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Contracts.V1.Bilan
            {
                Name = $"bilans/{Id}", State = State.Requested, FundingSource = FundingSource.Cpf, WorkingTime = WorkingTime.During,
                PlannedStartDate = new Date { Year = 2027, Month = 4, Day = 2 },
            }));
        var authorization = new WorkingTimeAuthorization
        {
            Name = $"bilans/{Id}/workingTimeAuthorization", Required = true, State = WorkingTimeAuthorizationState.AwaitingAnswer,
            LatestRequestDate = new Date { Year = 2027, Month = 2, Day = 1 }, RequestDate = new Date { Year = 2027, Month = 1, Day = 15 },
            AnswerDeadline = new Date { Year = 2027, Month = 2, Day = 14 }, DeemedGrantedDate = new Date { Year = 2027, Month = 2, Day = 15 },
            Etag = "W/\"2\"",
        };
        _authorizations.GetWorkingTimeAuthorizationAsync(Arg.Any<GetWorkingTimeAuthorizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(authorization));
        _authorizations.RequestWorkingTimeAuthorizationAsync(Arg.Any<RequestWorkingTimeAuthorizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(authorization));
        using var client = await SignedInAsync(factory);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/Bilans/{Id}/Autorisation", UriKind.Relative)));

        Assert.Contains("<dd id=\"demande-au-plus-tard\">au plus tard le 01/02/2027 (60 jours avant le début prévu)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"accord-repute\">accord réputé acquis le 15/02/2027</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"reponse-attendue\">au plus tard le 14/02/2027</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Demande_Date\">Date de la demande du salarié à l'employeur</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Reponse_Decision\">Réponse de l'employeur</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Reponse_Date\">Date de la réponse</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"form-demande\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"enregistrer-reponse\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);

        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, $"/Bilans/{Id}/Autorisation");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Etag"] = "W/\"2\"",
            ["Demande.Date"] = "2027-01-10",
            ["Demande.RequestId"] = "0193a3c4-0000-7000-8000-0000000000aa",
            ["__RequestVerificationToken"] = token,
        });
        using var posted = await client.PostAsync(new Uri($"/Bilans/{Id}/Autorisation?handler=Demande", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/Bilans/{Id}/Autorisation", posted.Headers.Location?.OriginalString);
        _ = _authorizations.Received(1).RequestWorkingTimeAuthorizationAsync(
            Arg.Is<RequestWorkingTimeAuthorizationRequest>(r => r.RequestDate.Day == 10 && r.RequestId == "0193a3c4-0000-7000-8000-0000000000aa"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Suivi_ShowsTheProposedDateAndLabelledForms_ARefusalIsShownNextToItsField()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving))
        {
            Bilans = BilanHeadings.Bilan(Id, State.Completed),
            Beneficiaries = BilanHeadings.Beneficiaries(),
        };
        _followUps.GetFollowUpAsync(Arg.Any<GetFollowUpRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new FollowUp
            {
                Name = $"bilans/{Id}/followUp", CompletionDate = new Date { Year = 2027, Month = 3, Day = 15 }, DelayMonths = 6,
                ProposedDate = new Date { Year = 2027, Month = 9, Day = 15 }, State = FollowUpState.Proposed, Etag = "W/\"1\"",
            }));
        _followUps.UpdateFollowUpAsync(Arg.Any<UpdateFollowUpRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<FollowUp>(SignedInPages.Invalid(("follow_up.delay_months", "Le délai de l'entretien de suivi doit être compris entre 1 et 12 mois."))));
        using var client = await SignedInAsync(factory);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri($"/Bilans/{Id}/Suivi", UriKind.Relative)));

        Assert.Contains("<dd id=\"suivi-date-proposee\">15/09/2027</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"suivi-etat\">proposé (aucun entretien de suivi planifié)</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Delai_Mois\">Délai après la fin du bilan (en mois, de 1 à 12)</label>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Declin_Date\">Date à laquelle le bénéficiaire a décliné</label>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"decliner-suivi\">Le bénéficiaire décline l'entretien de suivi</button>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);

        var token = await BackOfficeFactory.AntiforgeryTokenAsync(client, $"/Bilans/{Id}/Suivi");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Etag"] = "W/\"1\"",
            ["Delai.Mois"] = "13",
            ["__RequestVerificationToken"] = token,
        });
        using var posted = await client.PostAsync(new Uri($"/Bilans/{Id}/Suivi?handler=Delai", UriKind.Relative), form);
        var answer = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Le délai de l'entretien de suivi doit être compris entre 1 et 12 mois.</span>", answer, StringComparison.Ordinal);
        Assert.Contains("value=\"13\"", answer, StringComparison.Ordinal);
        Assert.Contains(">Sophie Lefèvre</a>", answer, StringComparison.Ordinal);
    }

    /// <summary>A client of <paramref name="factory"/> with these two clients substituted, signed in as a consultant.</summary>
    private Task<HttpClient> SignedInAsync(BackOfficeFactory factory) =>
        factory.With(_authorizations).With(_followUps).CreateSignedInClientAsync();
}
