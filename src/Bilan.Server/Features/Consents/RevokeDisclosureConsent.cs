using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Consents;

public sealed partial class ConsentsService
{
    private const string RevokeSql = """
        UPDATE disclosure_consents SET revoke_time = @RevokeTime, version = version + 1
        WHERE id = @Id AND revoke_time IS NULL
        """;

    public override Task<DisclosureConsent> RevokeDisclosureConsent(RevokeDisclosureConsentRequest request, ServerCallContext context)
    {
        var (bilanId, id) = ParseDisclosureName(request.Name, "name");
        return requests.ExecuteAsync(nameof(RevokeDisclosureConsent), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(
                await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
            var current = await FindDisclosureAsync(connection, transaction, bilanId, id, forUpdate: true, context.CancellationToken);
            if (!current.Active)
            {
                throw new RuleViolationException("DISCLOSURE_CONSENT_REVOKED", "This disclosure consent is already revoked.",
                    "Ce consentement a déjà été révoqué.");
            }

            var now = clock.Now();
            await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { Id = id, RevokeTime = now },
                transaction, cancellationToken: context.CancellationToken));
            var revoked = current with { RevokeTime = now.UtcDateTime, Version = current.Version + 1 };
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.DisclosureConsentRevoked, Actor.Of(context), now,
                bilan.State, bilan.State, new Dictionary<string, string> { ["disclosure_consent"] = revoked.Name }, context.CancellationToken);
            return revoked.ToProto();
        }, context.CancellationToken);
    }
}
