using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Grpc.Health.V1;
using NSubstitute;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages;

/// <summary>The policy values as staff see them: the page /Regles, its footer link and the bilan's hours gauge.</summary>
public sealed class ReglesRenderingTests
{
    private const string Id = "0193a3c4-0000-7000-8000-0000000000b1";

    [Fact]
    public async Task Regles_Support_ListsTheValuesInForceAndTheFooterLinksToIt()
    {
        var policy = ApiCalls.DefaultPolicy();
        policy.MinimumEffectiveHours = 14;
        var fundings = Substitute.For<FundingService.FundingServiceClient>();
        var cpf = new CpfPolicy { InForce = new CpfTerms { CapEffectiveDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 } } };
        cpf.CapPerBilan.Add(new DatedAmount { EffectiveDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 }, Value = 160_000 });
        fundings.GetCpfPolicyAsync(Arg.Any<GetCpfPolicyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(cpf));
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(HealthCheckResponse.Types.ServingStatus.Serving))
        {
            Auth = ApiCalls.AuthAccepting(StaffRole.Support),
            Policies = ApiCalls.Policies(policy),
        };
        using var client = await factory.With(fundings).CreateSignedInClientAsync();

        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/Regles", UriKind.Relative)));

        Assert.Contains("<a id=\"lien-regles\" href=\"/Regles\">Règles appliquées</a>", home, StringComparison.Ordinal);
        Assert.Contains("<h1>Règles appliquées</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Minimum d'heures d'accompagnement effectif par bilan</th><td>14 h</td>", html, StringComparison.Ordinal);
        Assert.Contains("Article L6313-4 du Code du travail", html, StringComparison.Ordinal);
        Assert.Contains("Plafond de prise en charge CPF par bilan</th><td>01/01/2026</td>", html, StringComparison.Ordinal);
        Assert.Contains("en vigueur", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_ConfiguredMinimum_TheGaugeSaysItAndWithoutPolicyNoMinimum()
    {
        var policy = ApiCalls.DefaultPolicy();
        policy.MinimumEffectiveHours = 14;
        await using var configured = Factory(ApiCalls.Policies(policy));
        await using var failing = Factory(ApiCalls.PoliciesFail(ApiCalls.Error(StatusCode.Unavailable, "Le service est momentanément indisponible.")));

        var withPolicy = WebUtility.HtmlDecode(await (await configured.CreateSignedInClientAsync()).GetStringAsync(new Uri($"/Bilans/{Id}", UriKind.Relative)));
        var withoutPolicy = WebUtility.HtmlDecode(await (await failing.CreateSignedInClientAsync()).GetStringAsync(new Uri($"/Bilans/{Id}", UriKind.Relative)));

        Assert.Contains("sur 14 h minimum", withPolicy, StringComparison.Ordinal);
        Assert.Contains("low=\"14\"", withPolicy, StringComparison.Ordinal);
        Assert.Contains("minimum d'accompagnement effectif : 14 h", withPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("h minimum", withoutPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("low=", withoutPolicy, StringComparison.Ordinal);
        Assert.Contains("id=\"heures-minimum-inconnu\"", withoutPolicy, StringComparison.Ordinal);
        Assert.Contains("<label for=\"jauge-realisees\">", withoutPolicy, StringComparison.Ordinal);
    }

    private static BackOfficeFactory Factory(PolicyService.PolicyServiceClient policies)
    {
        var factory = new BackOfficeFactory(HealthCalls.Answering(HealthCheckResponse.Types.ServingStatus.Serving)) { Policies = policies };
        var bilan = new Contracts.V1.Bilan
        {
            Name = $"bilans/{Id}", Beneficiary = "beneficiaries/0193a3c4-0000-7000-8000-000000000007", State = State.Investigation, Etag = "W/\"3\"",
        };
        factory.Bilans.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(bilan));
        factory.Bilans.ListBilanEventsAsync(Arg.Any<ListBilanEventsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListBilanEventsResponse()));
        factory.Bilans.CheckEligibilityAsync(Arg.Any<CheckEligibilityRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new CheckEligibilityResponse { Eligible = true }));
        return factory;
    }
}
