using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using FunderType = Bilan.Domain.Funding.FunderType;
using FundingResource = Bilan.Contracts.V1.Funding;
using EdofState = Bilan.Domain.Funding.EdofState;
using FundingStatus = Bilan.Domain.Funding.FundingStatus;

namespace Bilan.Server.Features.Funding;

public sealed partial class FundingsService
{
    private const int DossierNumberMaxLength = 50;

    private const string InsertSql = """
        INSERT INTO fundings (id, bilan_id, funder_type, funder_name, amount_cents, status, requested_date, reference, funded_hours,
            edof_number, edof_receive_date, edof_state, edof_state_date, version, create_time, update_time)
        VALUES (@Id, @BilanId, @FunderType, @FunderName, @AmountCents, @Status, @RequestedDate, @Reference, @FundedHours,
            @EdofNumber, @EdofReceiveDate, @EdofState, @EdofStateDate, @Version, @CreateTime, @UpdateTime)
        """;

    public override Task<FundingResource> CreateFunding(CreateFundingRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        if (!ResourceName.TryParseId(request.Parent, BilanRecord.Collection, out var bilanId))
        {
            checks.AddRange([ResourceName.Violation(request.Parent, BilanRecord.Collection, "parent")]);
        }

        var funding = request.Funding ?? new FundingResource();
        var today = Today();
        var details = FundingRules.Check(ReadDetails(funding, "funding.requested_date", checks, today), "funding.", today, checks);
        var dossier = ReadDossier(funding.EdofDossier, details.FunderType, "funding.edof_dossier", checks, today);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(CreateFunding), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(
                await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
            var now = clock.Now();
            var id = Guid.CreateVersion7(now);
            if (details.FunderType == FunderType.Cpf)
            {
                await CpfChecks.EnsureFundableAsync(connection, transaction, bilan, id, details.AmountCents, details.FundedHours,
                    policy.At(details.RequestedDate), context.CancellationToken);
            }

            var record = new FundingRecord(id, bilanId, (short)details.FunderType, details.FunderName, details.AmountCents,
                (short)FundingStatus.Requested, details.RequestedDate, null, null, details.Reference, null, (short)details.FundedHours,
                dossier?.Number, dossier?.ReceiveDate, dossier is null ? null : (short)EdofState.NotProcessed, null, dossier?.ReceiveDate,
                null, null, null, null, null, null, null, null, 1, now.UtcDateTime, now.UtcDateTime);
            await GuardedWrite.ExecuteAsync(connection, new CommandDefinition(InsertSql, record, transaction, cancellationToken: context.CancellationToken),
                EdofNumberIndex, EdofNumberTaken);
            var attributes = record.EventAttributes();
            attributes["funder_type"] = Domain.ApiNames.Of(details.FunderType);
            attributes["amount_cents"] = details.AmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.FundingCreated, Actor.Of(context), now,
                bilan.State, bilan.State, attributes, context.CancellationToken);
            return record.ToProto(await ContextAsync(connection, transaction, bilan, id, context.CancellationToken), policy, today);
        }, context.CancellationToken);
    }

    /// <summary>The line's own fields as sent; the request date defaults to today.</summary>
    private static FundingDetails ReadDetails(FundingResource funding, string dateField, FieldChecks checks, DateOnly today) =>
        new((FunderType)funding.FunderType, funding.FunderName, funding.AmountCents,
            ProtoConversions.ToDateOnly(funding.RequestedDate, dateField, checks) ?? today, funding.Reference, funding.FundedHours);

    /// <summary>An EDOF dossier as sent (number and receive date), only on a CPF line; null when none is sent.</summary>
    private static (string Number, DateOnly ReceiveDate)? ReadDossier(
        Contracts.V1.EdofDossier? dossier, FunderType funderType, string field, FieldChecks checks, DateOnly today)
    {
        if (dossier is null)
        {
            return null;
        }

        if (funderType != FunderType.Cpf)
        {
            checks.Add(field, "EDOF_ONLY_FOR_CPF", "Only a CPF funding line has an EDOF dossier.",
                "Seule une prise en charge CPF a un dossier EDOF.");
            return null;
        }

        checks.RequireText($"{field}.dossier_number", dossier.DossierNumber, DossierNumberMaxLength, "Le numéro de dossier EDOF");
        var received = ProtoConversions.RequireDateOnly(dossier.ReceiveDate, $"{field}.receive_date", checks);
        if (received > today)
        {
            checks.Add($"{field}.receive_date", "DATE_IN_FUTURE", "Cannot be in the future (Paris calendar).",
                "La date de réception ne peut pas être dans le futur.");
        }

        return (dossier.DossierNumber.Trim(), received);
    }
}
