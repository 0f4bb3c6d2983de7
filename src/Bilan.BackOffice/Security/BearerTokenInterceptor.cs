using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Bilan.BackOffice.Security;

/// <summary>
/// Adds <c>authorization: Bearer &lt;token&gt;</c> to every call of the API clients, the token being the
/// current user's API session token, read from the claims of the authentication cookie. An interceptor
/// rather than <c>CallCredentials</c>: credentials are only sent over TLS unless the channel sets
/// <c>UnsafeUseInsecureChannelCallCredentials</c>, and the API is reached over h2c (plain HTTP/2) on a
/// private network by default; an interceptor states plainly what is sent, whatever the channel.
/// Calls made without a signed-in user (Login) carry no header.
/// </summary>
public sealed class BearerTokenInterceptor(IHttpContextAccessor httpContextAccessor) : Interceptor
{
    /// <summary>The metadata key of the token.</summary>
    public const string HeaderName = "authorization";

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithToken(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    private ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        var token = SessionClaims.TokenOf(httpContextAccessor.HttpContext?.User);
        if (string.IsNullOrEmpty(token) || context.Options.Headers?.Get(HeaderName) is not null)
        {
            return context;
        }

        var headers = new Metadata();
        foreach (var entry in context.Options.Headers ?? [])
        {
            headers.Add(entry);
        }

        headers.Add(HeaderName, $"Bearer {token}");
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
