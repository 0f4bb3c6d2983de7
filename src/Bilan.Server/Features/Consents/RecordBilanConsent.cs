using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using BilanState = Bilan.Domain.Bilans.BilanState;

namespace Bilan.Server.Features.Consents;

public sealed partial class ConsentsService
{
    public override Task<BilanConsent> RecordBilanConsent(RecordBilanConsentRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        if (!ResourceName.TryParseId(request.Name, BilanRecord.Collection, out var bilanId))
        {
            checks.AddRange([ResourceName.Violation(request.Name, BilanRecord.Collection, "name")]);
        }

        var date = ProtoConversions.RequireDateOnly(request.ConsentDate, "consent_date", checks);
        CheckNotFuture(date, "consent_date", checks);
        checks.RequireDefined("method", (ConsentMethod)request.Method, "Le mode de recueil du consentement");
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(RecordBilanConsent), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(
                await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
            if (bilan.State != BilanState.Requested)
            {
                throw new RuleViolationException("BILAN_CONSENT_NOT_ALLOWED_IN_STATE",
                    $"The consent to the bilan is recorded before it starts; this bilan is {Domain.ApiNames.Of(bilan.State)}.",
                    "Le consentement au bilan s'enregistre avant son démarrage ; ce bilan a déjà commencé.");
            }

            var current = await FindConsentAsync(connection, transaction, bilanId, context.CancellationToken);
            if (current is not null)
            {
                Etag.EnsureCurrent(request.Etag, current.RowVersion, $"{bilan.Name}/consent");
            }

            var now = clock.Now();
            var record = new BilanConsentRecord(bilanId, date, (short)request.Method, request.KeepDocumentsForFollowUp,
                Actor.Of(context), now.UtcDateTime, (current?.RowVersion ?? 0) + 1);
            await BilanConsents.SaveAsync(connection, transaction, record, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.BilanConsentRecorded, Actor.Of(context), now,
                bilan.State, bilan.State, new Dictionary<string, string> { ["method"] = Domain.ApiNames.Of((ConsentMethod)request.Method) }, context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken);
    }
}
