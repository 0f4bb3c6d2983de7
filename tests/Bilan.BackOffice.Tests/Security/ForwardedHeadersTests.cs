using System.Net;
using Bilan.BackOffice.Hosting;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy, the back-office sees plain HTTP: the cookies stay Secure because it believes the
/// proxy's <c>X-Forwarded-Proto: https</c>, and only from the proxies it trusts.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Outsider = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task ProxyOnTheSameMachineSaysHttps_CookiesAreSecure()
    {
        await using var factory = NewFactory();

        var cookie = await AntiforgeryCookieAsync(factory, from: IPAddress.Loopback, forwardedProto: "https");

        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UntrustedClientForgesTheHeader_Ignored()
    {
        await using var factory = NewFactory();

        var cookie = await AntiforgeryCookieAsync(factory, from: Outsider, forwardedProto: "https");

        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(BackOfficeForwardedHeaders.KnownProxiesKey, "10.0.0.5, 203.0.113.7")]
    [InlineData(BackOfficeForwardedHeaders.KnownNetworksKey, "203.0.113.0/24")]
    public async Task ProxyNamedInTheConfiguration_Believed(string key, string value)
    {
        await using var factory = NewFactory();
        factory.Settings[key] = value;

        var cookie = await AntiforgeryCookieAsync(factory, from: Outsider, forwardedProto: "https");

        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(BackOfficeForwardedHeaders.KnownProxiesKey, "proxy.example", "is not an IP address")]
    [InlineData(BackOfficeForwardedHeaders.KnownNetworksKey, "10.0.0.0/99", "is not a CIDR range")]
    public async Task BadProxySetting_TheStartFailsNamingIt(string key, string value, string expected)
    {
        await using var factory = NewFactory();
        factory.Settings[key] = value;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AntiforgeryCookieAsync(factory, IPAddress.Loopback, "https"));

        Assert.Contains($"{key}: « {value} » {expected}", failure.Message, StringComparison.Ordinal);
    }

    private static BackOfficeFactory NewFactory() => new(HealthCalls.Answering(ServingStatus.Serving), environment: "Production");

    /// <summary>The antiforgery cookie set by the login form, asked for as the proxy at <paramref name="from"/> would.</summary>
    private static async Task<string> AntiforgeryCookieAsync(BackOfficeFactory factory, IPAddress from, string forwardedProto)
    {
        var context = await factory.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Scheme = "http";
            request.Request.Path = "/Connexion";
            request.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            request.Request.Headers["X-Forwarded-For"] = "198.51.100.20";
            request.Connection.RemoteIpAddress = from;
        });

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        return Assert.Single(context.Response.Headers.SetCookie,
            value => value!.StartsWith(BackOfficeAuthenticationExtensions.AntiforgeryCookieName + "=", StringComparison.Ordinal))!;
    }
}
