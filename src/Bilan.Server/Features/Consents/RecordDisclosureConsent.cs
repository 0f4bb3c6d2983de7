using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Features.Organizations;
using Dapper;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Consents;

public sealed partial class ConsentsService
{
    private const int EvidenceMaxLength = 500;

    private const int CepOperatorMaxLength = 200;

    private const string InsertDisclosureSql = """
        INSERT INTO disclosure_consents (id, bilan_id, organization_id, cep_operator, scope, evidence, consent_date, create_time, revoke_time, version)
        VALUES (@Id, @BilanId, @OrganizationId, @CepOperator, @Scope, @Evidence, @ConsentDate, @CreateTime, @RevokeTime, @Version)
        """;

    public override Task<DisclosureConsent> RecordDisclosureConsent(RecordDisclosureConsentRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        if (!ResourceName.TryParseId(request.Parent, BilanRecord.Collection, out var bilanId))
        {
            checks.AddRange([ResourceName.Violation(request.Parent, BilanRecord.Collection, "parent")]);
        }

        var consent = request.DisclosureConsent ?? new DisclosureConsent();
        Guid? organizationId = null;
        string? cepOperator = null;
        switch (consent.RecipientCase)
        {
            case DisclosureConsent.RecipientOneofCase.Organization:
                if (ResourceName.TryParseId(consent.Organization, OrganizationRecord.Collection, out var parsed))
                {
                    organizationId = parsed;
                }
                else
                {
                    checks.AddRange([ResourceName.Violation(consent.Organization, OrganizationRecord.Collection, "disclosure_consent.organization")]);
                }

                break;
            case DisclosureConsent.RecipientOneofCase.CepOperator:
                checks.RequireText("disclosure_consent.cep_operator", consent.CepOperator, CepOperatorMaxLength, "Le nom de l'opérateur CEP");
                cepOperator = consent.CepOperator.Trim();
                break;
            default:
                checks.Add("disclosure_consent.recipient", "REQUIRED", "Required: organization or cep_operator.",
                    "Le destinataire (organisation ou opérateur CEP) est obligatoire.");
                break;
        }

        checks.RequireDefined("disclosure_consent.scope", (DisclosureScope)consent.Scope, "La portée");
        checks.RequireText("disclosure_consent.evidence", consent.Evidence, EvidenceMaxLength, "La preuve de l'accord");
        var date = ProtoConversions.RequireDateOnly(consent.ConsentDate, "disclosure_consent.consent_date", checks);
        CheckNotFuture(date, "disclosure_consent.consent_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(RecordDisclosureConsent), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(
                await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
            if (organizationId is { } organization)
            {
                await OrganizationsService.FindAsync(connection, transaction, organization, forUpdate: false, context.CancellationToken);
            }

            var now = clock.Now();
            var record = new DisclosureConsentRecord(Guid.CreateVersion7(now), bilanId, organizationId, cepOperator, (short)consent.Scope,
                consent.Evidence.Trim(), date, now.UtcDateTime, null, 1);
            await connection.ExecuteAsync(new CommandDefinition(InsertDisclosureSql, record, transaction, cancellationToken: context.CancellationToken));
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.DisclosureConsentRecorded, Actor.Of(context), now,
                bilan.State, bilan.State, record.EventAttributes(), context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken);
    }
}
