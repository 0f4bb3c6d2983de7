using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using Grpc.Core;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class HomePageTests
{
    [Fact]
    public async Task Get_ServiceServing_ShowsFrenchDashboardWithAvailableService()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Tableau de bord — Bilan back-office</title>", html, StringComparison.Ordinal);
        Assert.Contains("Bilan — back-office", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"etat-service\">État du service</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Le service est disponible.", html, StringComparison.Ordinal);
        Assert.Contains("Dernière vérification", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ServiceNotServing_ShowsDatabaseDown()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.NotServing));
        using var client = await factory.CreateSignedInClientAsync();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.Contains("Le service est indisponible : la base de données ne répond pas.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ApiUnreachable_ShowsConfiguredAddressWithoutTechnicalDetail()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Failing(StatusCode.Unavailable, "Error connecting to subchannel."));
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(
            $"Impossible de joindre l’API à l’adresse {BackOfficeFactory.ApiUrl} : aucun service ne répond.",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("subchannel", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("RpcException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Stylesheet_IsServedFromTheSite()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/css/site.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }
}
