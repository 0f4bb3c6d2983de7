using Bilan.Contracts.V1;
using Bilan.Domain;
using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Retention;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using Grpc.Core;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>
/// GDPR art. 17 (erasure; answered within one month). The person is anonymised rather than deleted: their bilans,
/// interviews and history stay, with no identity, for the provider's legal reporting (bilans, hours, funding).
/// Erasure respects the legal retention of Code du travail R6313-7: while documents of one of their bilans are kept
/// (synthesis sent to the CEP operator, written agreement for the follow-up, at most 3 years) it is refused
/// (art. 17(3)(b)), and a bilan still under way must end first. Funding lines, convention, authorisation, follow-up,
/// survey and complaints of their bilans: see <see cref="ErasedRecords"/> for what each keeps and why.
/// </summary>
public sealed partial class BeneficiariesService
{
    /// <summary>The names an erased person is left with.</summary>
    public const string ErasedName = "Effacé";

    private const string EraseBilansSql = "SELECT id AS Id, state AS State FROM bilans WHERE beneficiary_id = @Id ORDER BY create_time, id FOR UPDATE";

    private const string EraseRetentionSql = """
        SELECT max(r.retain_until) FROM retained_documents r JOIN bilans b ON b.id = r.bilan_id WHERE b.beneficiary_id = @Id
        """;

    private const string EraseRetainedRowsSql = "DELETE FROM retained_documents WHERE bilan_id = ANY(@BilanIds)";

    // The evidence of a disclosure agreement is free text written about the person: cleared with the rest.
    private const string EraseDisclosureEvidenceSql = "UPDATE disclosure_consents SET evidence = '' WHERE bilan_id = ANY(@BilanIds)";

    // Answers recorded for idempotent retries hold the person's identity (e.g. a CreateBeneficiary answer): they go too.
    private const string EraseRecordedAnswersSql = """
        DELETE FROM request_log WHERE response IS NOT NULL AND position(convert_to(@Email, 'UTF8') IN response) > 0
        """;

    public override Task<Beneficiary> EraseBeneficiary(EraseBeneficiaryRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, BeneficiaryRecord.Collection, "name");
        var ct = context.CancellationToken;
        return requests.ExecuteAsync(nameof(EraseBeneficiary), request.RequestId, request, async (connection, transaction) =>
        {
            var current = await FindAsync(connection, transaction, id, forUpdate: true, ct);
            var bilans = (await connection.QueryAsync<EraseBilanRow>(new CommandDefinition(EraseBilansSql, new { Id = id }, transaction, cancellationToken: ct))).ToList();

            var today = FrenchCalendar.DateOf(clock.GetUtcNow());
            var retainUntil = await connection.ExecuteScalarAsync<DateOnly?>(new CommandDefinition(EraseRetentionSql, new { Id = id }, transaction, cancellationToken: ct));
            if (RetentionRules.IsRunning(retainUntil, today))
            {
                var until = retainUntil!.Value;
                throw new RuleViolationException(
                    "RETENTION_RUNNING",
                    $"{current.Name} cannot be erased before {until:yyyy-MM-dd}: documents of their bilan are kept until then (Code du travail R6313-7).",
                    $"Effacement impossible avant le {FrenchCalendar.Format(until)} : des documents du bilan sont conservés jusqu'à cette date (article R6313-7).",
                    new Dictionary<string, string> { ["retain_until"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            }

            if (bilans.FirstOrDefault(b => !((BilanState)b.State).IsFinal()) is { } running)
            {
                var bilanName = ResourceName.Format(BilanRecord.Collection, running.Id);
                throw new RuleViolationException(
                    "BILAN_IN_PROGRESS",
                    $"{current.Name} cannot be erased while {bilanName} is in state {ApiNames.Of((BilanState)running.State)}: end or cancel it first.",
                    $"Effacement impossible : un bilan de ce bénéficiaire est en cours (« {FrenchNames.Of((BilanState)running.State)} »).",
                    new Dictionary<string, string> { ["bilan"] = bilanName, ["state"] = ApiNames.Of((BilanState)running.State) });
            }

            var now = clock.Now();
            foreach (var bilan in bilans)
            {
                var destroyed = await Retention.Retention.DestroyAsync(connection, transaction, bilan.Id, BilanDocuments.All, now, ct);
                if (destroyed > 0)
                {
                    await EventLog.AppendAsync(connection, transaction, bilan.Id, BilanEventType.DocumentsDestroyed, Actor.Of(context), now,
                        (BilanState)bilan.State, (BilanState)bilan.State,
                        new Dictionary<string, string> { ["destroyed"] = RetentionRules.Names(BilanDocuments.All), ["kept"] = "", ["retain_until"] = "", ["cause"] = "erasure" },
                        ct);
                }
            }

            await connection.ExecuteAsync(new CommandDefinition(
                EraseRetainedRowsSql, new { BilanIds = bilans.Select(b => b.Id).ToArray() }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                EraseDisclosureEvidenceSql, new { BilanIds = bilans.Select(b => b.Id).ToArray() }, transaction, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(EraseRecordedAnswersSql, new { current.Details.Email }, transaction, cancellationToken: ct));
            await ErasedRecords.EraseAsync(connection, transaction, bilans.Select(b => b.Id).ToArray(), now, ct);

            var erased = current with
            {
                Details = new BeneficiaryDetails(ErasedName, ErasedName, $"erased-{id}@invalid", "", current.Details.PublicCategory, null, []),
                Version = current.Version + 1,
                UpdateTime = now,
            };
            await BeneficiaryWrites.UpdateAsync(connection, transaction, erased, current.Version, replaceSituations: true, ct);
            return erased.ToProto();
        }, ct);
    }

    private sealed record EraseBilanRow(Guid Id, short State);
}
