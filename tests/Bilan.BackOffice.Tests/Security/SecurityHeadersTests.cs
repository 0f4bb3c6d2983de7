using Bilan.BackOffice.Tests.TestSupport;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Security;

public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/page-qui-n-existe-pas")]
    public async Task Get_AnyResponse_CarriesSecurityHeaders(string path)
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Get_UnhandledExceptionInProduction_ErrorPageCarriesSecurityHeaders()
    {
        var failing = HealthCalls.Throwing(new InvalidOperationException("boom"));
        await using var factory = new BackOfficeFactory(failing, environment: "Production");
        using var client = await factory.CreateSignedInClientAsync();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
            Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.GetValues(header));
}
