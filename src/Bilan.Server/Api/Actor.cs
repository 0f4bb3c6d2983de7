using Bilan.Server.Auth;
using Grpc.Core;

namespace Bilan.Server.Api;

/// <summary>Who makes a call, as the history records it: <c>users/{id}</c> or <c>organizations/{id}/apiKeys/{id}</c>.</summary>
public static class Actor
{
    public static string Of(ServerCallContext context) => context.Caller().Actor;
}
