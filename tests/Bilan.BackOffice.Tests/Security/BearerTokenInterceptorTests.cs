using System.Security.Claims;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Bilan.BackOffice.Tests.Security;

public sealed class BearerTokenInterceptorTests
{
    private static readonly Method<ListBilansRequest, ListBilansResponse> ListBilans = new(
        MethodType.Unary,
        "bilan.v1.BilanService",
        "ListBilans",
        Marshallers.Create(_ => [], _ => new ListBilansRequest()),
        Marshallers.Create(_ => [], _ => new ListBilansResponse()));

    [Fact]
    public async Task AsyncUnaryCall_SignedInUser_SendsBearerToken()
    {
        var headers = await HeadersSentBy(SignedIn(ApiCalls.Token));

        Assert.Equal($"Bearer {ApiCalls.Token}", headers?.GetValue("authorization"));
    }

    [Fact]
    public async Task AsyncUnaryCall_KeepsCallersOtherHeaders()
    {
        var headers = await HeadersSentBy(SignedIn(ApiCalls.Token), new Metadata { { "x-request-id", "abc" } });

        Assert.Equal("abc", headers?.GetValue("x-request-id"));
        Assert.Equal($"Bearer {ApiCalls.Token}", headers?.GetValue("authorization"));
    }

    [Fact]
    public async Task AsyncUnaryCall_Anonymous_SendsNoAuthorization()
    {
        var headers = await HeadersSentBy(new ClaimsPrincipal(new ClaimsIdentity()));

        Assert.Null(headers?.GetValue("authorization"));
    }

    private static ClaimsPrincipal SignedIn(string token) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "Jeanne Martin"), new Claim(SessionClaims.ApiToken, token)], "Cookies"));

    private static async Task<Metadata?> HeadersSentBy(ClaimsPrincipal user, Metadata? callerHeaders = null)
    {
        var accessor = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = user } };
        var interceptor = new BearerTokenInterceptor(accessor);
        Metadata? sent = null;

        using var call = interceptor.AsyncUnaryCall(
            new ListBilansRequest(),
            new ClientInterceptorContext<ListBilansRequest, ListBilansResponse>(ListBilans, null, new CallOptions(callerHeaders)),
            (request, context) =>
            {
                sent = context.Options.Headers;
                return ApiCalls.Answer(new ListBilansResponse());
            });
        await call;

        return sent;
    }
}
