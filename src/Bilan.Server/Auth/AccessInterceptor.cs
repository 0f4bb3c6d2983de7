using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Bilan.Server.Auth;

/// <summary>
/// Checks every call before its handler runs: the method's row in <see cref="AccessPolicy"/>, the bearer
/// credential (<c>authorization: Bearer ...</c>) resolved by the first <see cref="ICredentialResolver"/> that
/// recognises it, and whether that caller's kind may call the method. The caller is then available to the
/// handler through <see cref="CallerAccess.Caller"/>. Every refusal is logged, without the credential.
/// </summary>
public sealed partial class AccessInterceptor(IEnumerable<ICredentialResolver> resolvers, ILogger<AccessInterceptor> logger) : Interceptor
{
    private const string BearerPrefix = "Bearer ";

    private readonly IReadOnlyList<ICredentialResolver> _resolvers = resolvers.ToList();

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AdmitAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AdmitAsync(ServerCallContext context)
    {
        var allowed = AccessPolicy.For(context.Method);
        if (allowed == Callers.None)
        {
            LogDenied(context.Method, "NO_ACCESS_RULE", "none");
            throw new PermissionDeniedException("NO_ACCESS_RULE", $"{context.Method} has no access rule: nobody may call it.",
                "Cette opération n'est ouverte à personne.");
        }

        if (allowed.HasFlag(Callers.Anonymous))
        {
            return;
        }

        var caller = await AuthenticateAsync(context);
        // Set before the role check so that a refusal is recorded with the caller it refused; a refused call
        // never reaches its handler.
        context.SetCaller(caller);
        if ((allowed & caller.KindOf()) == Callers.None)
        {
            LogDenied(context.Method, "ROLE_NOT_ALLOWED", caller.Actor);
            throw new PermissionDeniedException("ROLE_NOT_ALLOWED", $"{context.Method} is not open to this caller ({caller.KindOf()}).",
                "Votre rôle ne permet pas cette opération.");
        }
    }

    private async Task<Caller> AuthenticateAsync(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            LogDenied(context.Method, "CREDENTIALS_MISSING", "anonymous");
            throw new UnauthenticatedException("CREDENTIALS_MISSING",
                "This call needs credentials: send 'authorization: Bearer <session token or API key>'.",
                "Vous devez vous connecter pour faire cette opération.");
        }

        var credential = header[BearerPrefix.Length..].Trim();
        var resolver = _resolvers.FirstOrDefault(r => r.Recognises(credential));
        var caller = resolver is null ? null : await resolver.ResolveAsync(credential, context.CancellationToken);
        if (caller is null)
        {
            LogDenied(context.Method, "CREDENTIALS_INVALID", "unknown");
            throw new UnauthenticatedException("CREDENTIALS_INVALID",
                "The credentials are unknown, expired or revoked: log in again, or ask for a new API key.",
                "Votre session a expiré ou n'est plus valable : reconnectez-vous.");
        }

        return caller;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access denied to {Method}: {Reason} (caller {Actor})")]
    private partial void LogDenied(string method, string reason, string actor);
}
