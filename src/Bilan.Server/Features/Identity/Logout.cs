using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bilan.Server.Features.Identity;

public sealed partial class AuthenticationService
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// Ends the session whose token the call carries. Idempotent: a token already ended, expired or unknown, or a
    /// call without a session token, ends nothing and succeeds.
    /// </summary>
    public override async Task<Empty> Logout(LogoutRequest request, ServerCallContext context)
    {
        if (SessionTokenOf(context) is { } token)
        {
            await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
            if (await SessionStore.EndAsync(connection, token, context.CancellationToken) is { } userId)
            {
                LogLoggedOut(ResourceName.Format(UserRecord.Collection, userId));
            }
        }

        return new Empty();
    }

    /// <summary>The session token of <c>authorization: Bearer bs_...</c>, or null when the call carries none.</summary>
    private static string? SessionTokenOf(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var credential = header[BearerPrefix.Length..].Trim();
        return credential.StartsWith(SessionStore.TokenPrefix, StringComparison.Ordinal) ? credential : null;
    }
}
