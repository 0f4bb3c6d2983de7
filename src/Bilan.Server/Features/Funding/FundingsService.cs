using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Grpc.Core;
using Npgsql;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using CpfPolicy = Bilan.Domain.Funding.CpfPolicy;
using CpfRules = Bilan.Domain.Funding.CpfRules;
using FundingResource = Bilan.Contracts.V1.Funding;

namespace Bilan.Server.Features.Funding;

/// <summary>
/// bilan.v1.FundingService: the funding lines of bilans, their EDOF dossiers and the CPF policy. Each RPC lives in
/// its own file beside this one.
/// </summary>
public sealed partial class FundingsService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock, CpfPolicy policy)
    : FundingService.FundingServiceBase
{
    internal const string FrenchNotFound = "Cette prise en charge n'existe pas.";

    private const string FindSql = $"SELECT {FundingRecord.Columns} FROM fundings f WHERE f.id = @Id AND f.bilan_id = @BilanId";

    private DateOnly Today() => Domain.FrenchCalendar.DateOf(clock.GetUtcNow());

    internal static async Task<FundingRecord> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var record = await connection.QuerySingleOrDefaultAsync<FundingRecord>(new CommandDefinition(
            forUpdate ? FindSql + " FOR UPDATE" : FindSql, new { Id = id, BilanId = bilanId }, transaction, cancellationToken: cancellationToken));
        return record ?? throw new ResourceNotFoundException(FundingRecord.Format(bilanId, id), FrenchNotFound);
    }

    /// <summary>The beneficiary's public and whether another line than <paramref name="except"/> co-funds the bilan.</summary>
    private static async Task<FundingContext> ContextAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, BilanRecord bilan, Guid? except, CancellationToken cancellationToken)
    {
        var beneficiary = await BeneficiariesService.FindAsync(connection, transaction, bilan.BeneficiaryId, forUpdate: false, cancellationToken);
        var others = await FundingLines.OfBilanAsync(connection, transaction, bilan.Id, cancellationToken, except);
        var coFunded = others.Any(other => CpfRules.IsCoFunder(other.FunderType, other.Status));
        return new FundingContext(beneficiary.Details.PublicCategory, coFunded);
    }

    /// <summary>Reads <c>bilans/{bilan}/fundings/{id}</c>, or names the bad field.</summary>
    internal static (Guid BilanId, Guid Id) ParseName(string name, string field) =>
        ResourceName.ParseChild(name, BilanRecord.Collection, FundingRecord.Segment, field);

    /// <summary>Reads an optional date defaulting to today; reports a date in the future.</summary>
    private DateOnly DateOrToday(Google.Type.Date? value, string field, FieldChecks checks)
    {
        var today = Today();
        var date = ProtoConversions.ToDateOnly(value, field, checks) ?? today;
        if (date > today)
        {
            checks.Add(field, "DATE_IN_FUTURE", "Cannot be in the future (Paris calendar).", "Cette date ne peut pas être dans le futur.");
        }

        return date;
    }

    /// <summary>
    /// The shared path of the changes of one line: locks the bilan (the caller must be allowed to change it) and the
    /// line, checks the etag, applies <paramref name="change"/>, writes the line and its event in one transaction.
    /// </summary>
    private Task<FundingResource> ChangeAsync(
        string method,
        string requestId,
        Google.Protobuf.IMessage request,
        (Guid BilanId, Guid Id) name,
        string etag,
        BilanEventType eventType,
        Func<FundingRecord, FundingRecord> change,
        Func<FundingRecord, FundingRecord, Dictionary<string, string>> attributes,
        ServerCallContext context) =>
        requests.ExecuteAsync(method, requestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(
                await BilansService.FindAsync(connection, transaction, name.BilanId, forUpdate: true, context.CancellationToken));
            var current = await FindAsync(connection, transaction, name.BilanId, name.Id, forUpdate: true, context.CancellationToken);
            Etag.EnsureCurrent(etag, current.Version, current.Name);
            var now = clock.Now();
            var updated = change(current) with { Version = current.Version + 1, UpdateTime = now.UtcDateTime };
            await SaveAsync(connection, transaction, updated, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilan.Id, eventType, Actor.Of(context), now, bilan.State, bilan.State,
                attributes(current, updated), context.CancellationToken);
            var fundingContext = await ContextAsync(connection, transaction, bilan, updated.Id, context.CancellationToken);
            return updated.ToProto(fundingContext, policy, Today());
        }, context.CancellationToken);

    private static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, FundingRecord updated, CancellationToken cancellationToken) =>
        await GuardedWrite.UpdateAsync(connection, new CommandDefinition(FundingRecord.UpdateSql, updated, transaction, cancellationToken: cancellationToken),
            EdofNumberIndex, EdofNumberTaken, updated.Name);

    private const string EdofNumberIndex = "fundings_edof_number";

    private static AlreadyExistsException EdofNumberTaken() =>
        new("fundings", "funding.edof_dossier.dossier_number", "Another funding line already has this EDOF dossier number.",
            "Ce numéro de dossier EDOF est déjà rattaché à une autre prise en charge.");
}
