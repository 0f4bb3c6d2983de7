using System.Net;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Security;

/// <summary>The cookies' flags, and the Data Protection keys shared by several back-office instances.</summary>
public sealed class CookieAndKeyTests : IDisposable
{
    private readonly string _keys = Directory.CreateTempSubdirectory("bilan-backoffice-keys-").FullName;
    private readonly string _otherKeys = Directory.CreateTempSubdirectory("bilan-backoffice-keys-").FullName;

    [Theory]
    [InlineData("http://localhost", false)]
    [InlineData("https://localhost", true)]
    public async Task LoginAnswer_CookiesAreHttpOnlySameSiteAndSecureOnlyOverHttps(string baseAddress, bool secure)
    {
        await using var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

        using var form = await client.GetAsync(new Uri("/Connexion", UriKind.Relative));
        using var login = await BackOfficeFactory.PostLoginAsync(client);

        var antiforgery = Cookie(form, BackOfficeAuthenticationExtensions.AntiforgeryCookieName);
        var session = Cookie(login, BackOfficeAuthenticationExtensions.CookieName);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(secure, session.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(secure, antiforgery.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SessionCookie_IssuedByOneInstance_IsReadByAnotherSharingTheKeysFolder()
    {
        await using var first = Instance(_keys);
        await using var second = Instance(_keys);
        var cookie = await SignInAsync(first);

        using var answer = await GetWithCookieAsync(second, cookie);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("Jeanne Martin", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(_keys, "key-*.xml"));
    }

    [Fact]
    public async Task SessionCookie_InstanceWithOtherKeys_AsksToSignIn()
    {
        await using var first = Instance(_keys);
        await using var stranger = Instance(_otherKeys);
        var cookie = await SignInAsync(first);

        using var answer = await GetWithCookieAsync(stranger, cookie);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/Connexion", answer.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_keys, recursive: true);
        Directory.Delete(_otherKeys, recursive: true);
    }

    private static BackOfficeFactory Instance(string keysPath)
    {
        var factory = new BackOfficeFactory(HealthCalls.Answering(ServingStatus.Serving));
        factory.Settings[BackOfficeDataProtection.KeysPathKey] = keysPath;
        return factory;
    }

    private static async Task<string> SignInAsync(BackOfficeFactory factory)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await BackOfficeFactory.PostLoginAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return Cookie(login, BackOfficeAuthenticationExtensions.CookieName).Split(';')[0];
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(BackOfficeFactory factory, string cookie)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Bilans", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static string Cookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), value => value.StartsWith(name + "=", StringComparison.Ordinal));
}
