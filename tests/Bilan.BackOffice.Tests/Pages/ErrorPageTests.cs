using System.Net;
using Bilan.BackOffice.Tests.TestSupport;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class ErrorPageTests
{
    [Fact]
    public async Task Get_UnknownPage_ShowsFrenchNotFoundPage()
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/page-qui-n-existe-pas", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnhandledExceptionInProduction_ShowsFrenchErrorPageWithoutDetails()
    {
        var failing = HealthCalls.Throwing(new InvalidOperationException("secret connection string"));
        await using var factory = new BackOfficeFactory(failing, environment: "Production");
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<h1>Une erreur est survenue</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Référence à communiquer au support", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }
}
