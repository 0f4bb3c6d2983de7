using Grpc.Core;

namespace Bilan.Server.Auth;

/// <summary>The authenticated caller of the current call, set by <see cref="AccessInterceptor"/>.</summary>
public static class CallerAccess
{
    public static Caller Caller(this ServerCallContext context) =>
        context.GetHttpContext().Items[typeof(Caller)] as Caller
        ?? throw new InvalidOperationException("No caller on this call: it did not go through the access check.");

    /// <summary>The authenticated caller, or null when the call has none (yet): anonymous, or refused before.</summary>
    public static Caller? CallerOrNull(this ServerCallContext context) => context.GetHttpContext().Items[typeof(Caller)] as Caller;

    internal static void SetCaller(this ServerCallContext context, Caller caller) => context.GetHttpContext().Items[typeof(Caller)] = caller;
}
