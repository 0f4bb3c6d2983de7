using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Bilan.Server.Tests.Api;

/// <summary>
/// A <see cref="ServerCallContext"/> for calling interceptors and services without a server (after
/// grpc/grpc-dotnet examples/Tester). With an <see cref="HttpContext"/>, <c>GetHttpContext()</c> finds it
/// in <see cref="ServerCallContext.UserState"/> under the key Grpc.AspNetCore reads.
/// </summary>
public sealed class TestServerCallContext : ServerCallContext
{
    private const string HttpContextKey = "__HttpContext";

    private readonly Metadata _requestHeaders = [];
    private readonly Metadata _responseTrailers = [];
    private readonly Dictionary<object, object> _userState = [];
    private readonly AuthContext _authContext = new(null, []);
    private readonly CancellationToken _cancellationToken;

    private TestServerCallContext(string method, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        MethodCore = method;
        _cancellationToken = cancellationToken;
        if (httpContext is not null)
        {
            _userState[HttpContextKey] = httpContext;
        }
    }

    public Metadata? ResponseHeaders { get; private set; }

    protected override string MethodCore { get; }

    protected override string HostCore => "localhost";

    protected override string PeerCore => "ipv4:127.0.0.1:50000";

    protected override DateTime DeadlineCore => DateTime.MaxValue;

    protected override Metadata RequestHeadersCore => _requestHeaders;

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore { get; set; }

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override AuthContext AuthContextCore => _authContext;

    protected override IDictionary<object, object> UserStateCore => _userState;

    /// <summary>A call as ASP.NET Core hosts it, whose request id is <paramref name="traceIdentifier"/>.</summary>
    public static TestServerCallContext Create(
        string traceIdentifier = "0HNA1B2C3D4E5:00000001",
        string method = "/bilan.v1.BilanService/GetBilan",
        CancellationToken cancellationToken = default) =>
        new(method, new DefaultHttpContext { TraceIdentifier = traceIdentifier }, cancellationToken);

    /// <summary>A call without any ASP.NET Core host behind it.</summary>
    public static TestServerCallContext WithoutHttpContext(string method = "/bilan.v1.BilanService/GetBilan") =>
        new(method, null, CancellationToken.None);

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        throw new NotSupportedException("Context propagation is not used by the code under test.");

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        if (ResponseHeaders is not null)
        {
            throw new InvalidOperationException("Response headers have already been written.");
        }

        ResponseHeaders = responseHeaders;
        return Task.CompletedTask;
    }
}
