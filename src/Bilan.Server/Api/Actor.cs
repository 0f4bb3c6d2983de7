using Grpc.Core;

namespace Bilan.Server.Api;

/// <summary>
/// Who makes a call, as the history records it. Calls are not authenticated yet: until staff logins and
/// API keys exist, every change is recorded as made by <see cref="Anonymous"/>.
/// </summary>
public static class Actor
{
    public const string Anonymous = "anonymous";

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE0060", Justification = "The call will name its caller once calls are authenticated.")]
    public static string Of(ServerCallContext context) => Anonymous;
}
