using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;
using Npgsql;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using BilanState = Bilan.Domain.Bilans.BilanState;

namespace Bilan.Server.Features.Conventions;

/// <summary>
/// bilan.v1.ConventionService: the tripartite convention of a bilan funded by the employer's plan (R6313-8). Each
/// RPC lives in its own file beside this one; the start condition is <c>TripartiteConventionSignedCondition</c>.
/// </summary>
public sealed partial class ConventionsService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock)
    : ConventionService.ConventionServiceBase
{
    private const string FrenchNotFound = "Aucune convention tripartite n'est rédigée pour ce bilan.";

    private DateOnly Today => Domain.FrenchCalendar.DateOf(clock.GetUtcNow());

    /// <summary>Refuses a date after today in Paris.</summary>
    private void CheckNotFuture(DateOnly? date, string field, FieldChecks checks)
    {
        if (date is { } d && d != DateOnly.MinValue && d > Today)
        {
            checks.Add(field, "DATE_IN_FUTURE", "The date cannot be in the future (Paris calendar).", "Cette date ne peut pas être dans le futur.");
        }
    }

    /// <summary>
    /// One change of an existing convention, in one transaction: lock the bilan (only before its start), check the
    /// convention's etag, let <paramref name="change"/> decide, write it and its event.
    /// </summary>
    private Task<Convention> ChangeAsync(
        string method,
        Guid bilanId,
        string etag,
        string requestId,
        Google.Protobuf.IMessage request,
        ServerCallContext context,
        BilanEventType eventType,
        Func<ConventionRecord, DateOnly, (ConventionRecord Changed, Dictionary<string, string> Attributes)> change) =>
        requests.ExecuteAsync(method, requestId, request, async (connection, transaction) =>
        {
            var bilan = await LockBilanAsync(connection, transaction, bilanId, context);
            var current = await ConventionStore.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken)
                ?? throw new ResourceNotFoundException(SingletonName.Format(bilanId, ConventionRecord.Segment), FrenchNotFound);
            Etag.EnsureCurrent(etag, current.Version, current.Name);
            var (changed, attributes) = change(current, Today);
            var now = clock.Now();
            changed = changed with { UpdateTime = now.UtcDateTime, Version = current.Version + 1 };
            await ConventionStore.SaveAsync(connection, transaction, changed, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, eventType, Actor.Of(context), now,
                bilan.State, bilan.State, attributes, context.CancellationToken);
            return changed.ToProto(Today);
        }, context.CancellationToken);

    /// <summary>The bilan, locked, if the caller may change it and it has not started: the convention precedes the start.</summary>
    private static async Task<BilanRecord> LockBilanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid bilanId, ServerCallContext context)
    {
        var bilan = context.Caller().EnsureMayChange(
            await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
        if (bilan.State != BilanState.Requested)
        {
            throw new RuleViolationException("CONVENTION_NOT_ALLOWED_IN_STATE",
                $"The tripartite convention is drafted, sent and signed before the bilan starts; this bilan is {Domain.ApiNames.Of(bilan.State)}.",
                "La convention tripartite se rédige, se remet et se signe avant le démarrage du bilan ; ce bilan a déjà commencé.",
                new Dictionary<string, string> { ["state"] = Domain.ApiNames.Of(bilan.State) });
        }

        return bilan;
    }
}
