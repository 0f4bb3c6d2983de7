using System.Net;
using System.Security.Claims;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bilan.BackOffice.Tests.Api;

/// <summary>The registered API clients, down to the HTTP request they send.</summary>
public sealed class BilanApiRegistrationTests
{
    [Fact]
    public async Task BilanClient_SignedInUser_SendsBearerTokenToConfiguredAddress()
    {
        var (request, _) = await SendListBilans(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "Jeanne Martin"), new Claim(SessionClaims.ApiToken, ApiCalls.Token)], "Cookies")));

        Assert.Equal($"Bearer {ApiCalls.Token}", Assert.Single(request.Headers.GetValues("authorization")));
        Assert.Equal("http://api.bilan.test:7001/bilan.v1.BilanService/ListBilans", request.RequestUri?.ToString());
    }

    [Fact]
    public async Task BilanClient_Anonymous_SendsNoAuthorization()
    {
        var (request, _) = await SendListBilans(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.False(request.Headers.Contains("authorization"));
    }

    private static async Task<(HttpRequestMessage Request, RpcException Failure)> SendListBilans(ClaimsPrincipal user)
    {
        var handler = new CapturingHandler();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBilanApi(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bilan:ApiUrl"] = BackOfficeFactory.ApiUrl })
            .Build());
        services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(() => handler));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = user };

        var client = provider.GetRequiredService<BilanService.BilanServiceClient>();
        var failure = await Assert.ThrowsAsync<RpcException>(async () => await client.ListBilansAsync(new ListBilansRequest()));

        return (handler.Request ?? throw new InvalidOperationException("No request sent"), failure);
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Version = request.Version });
        }
    }
}
