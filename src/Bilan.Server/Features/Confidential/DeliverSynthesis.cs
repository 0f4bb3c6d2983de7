using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Confidential;

public sealed partial class SynthesesService
{
    public override Task<Synthesis> DeliverSynthesis(DeliverSynthesisRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = ParseSynthesisName(request.Name, "name", checks);
        if (request.DeliverTime is null)
        {
            checks.Add("deliver_time", "REQUIRED", "Required: when the synthesis was handed to the beneficiary.",
                "La date de remise est obligatoire.");
        }

        if (request.DeliveryMethod == DeliveryMethod.Unspecified || !Enum.IsDefined(request.DeliveryMethod))
        {
            checks.Add("delivery_method", "REQUIRED", "Required: IN_PERSON, REMOTE, POST or EMAIL.", "Le mode de remise est obligatoire.");
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);
        var deliverTime = DatabaseTime.Truncate(request.DeliverTime!.ToDateTimeOffset());

        return requests.ExecuteAsync(nameof(DeliverSynthesis), request.RequestId, request, async (connection, transaction) =>
        {
            var cancellationToken = context.CancellationToken;
            var bilan = context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, cancellationToken));
            SynthesisRules.EnsureState(bilan.State, SynthesisRules.MayDeliverOrRevise(bilan.State), "delivered");
            var current = SynthesisRules.EnsureExists(await SynthesisStore.CurrentAsync(connection, transaction, bilanId, cancellationToken), bilanId);
            current.EnsureCurrent(request.Etag);
            SynthesisRules.EnsureNotDestroyed(current);
            SynthesisRules.EnsureNotDelivered(current);
            SynthesisRules.EnsureComplete(current);
            var now = clock.Now();
            if (deliverTime > now)
            {
                throw new InvalidFieldsException([new FieldViolation("deliver_time", "IN_FUTURE",
                    "Must not be in the future: record the delivery once it happened.", "La date de remise ne peut pas être dans le futur.")]);
            }

            var delivered = current with
            {
                DeliverTime = deliverTime,
                DeliveryMethod = (short)request.DeliveryMethod,
                RowVersion = current.RowVersion + 1,
                UpdateTime = now,
            };
            await SynthesisStore.UpdateAsync(connection, transaction, delivered, current.RowVersion, cancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.SynthesisDelivered, Actor.Of(context), now,
                bilan.State, bilan.State, SynthesisStore.DeliveryAttributes(delivered), cancellationToken);
            return delivered.ToProto();
        }, context.CancellationToken, ConfidentialRedaction.WithoutContent);
    }
}
