using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.FollowUps;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Features.Interviews;
using Grpc.Core;
using Npgsql;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.FollowUps;

/// <summary>
/// bilan.v1.FollowUpService: the follow-up interview proposed at completion (R6313-4 3°). The close condition is
/// <c>FollowUpConcludedCondition</c>; the proposal is made by CompleteBilan (<see cref="FollowUps.ProposeAsync"/>).
/// </summary>
public sealed class FollowUpsService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock)
    : FollowUpService.FollowUpServiceBase
{
    private const string FrenchNotFound = "Aucun entretien de suivi n'est proposé : le bilan n'est pas encore terminé.";

    private DateOnly Today => Domain.FrenchCalendar.DateOf(clock.GetUtcNow());

    public override async Task<FollowUp> GetFollowUp(GetFollowUpRequest request, ServerCallContext context)
    {
        var bilanId = SingletonName.Parse(request.Name, FollowUpRecord.Segment, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        context.Caller().EnsureVisible(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var record = await FollowUpRecord.FindAsync(connection, null, bilanId, context.CancellationToken)
            ?? throw new ResourceNotFoundException(SingletonName.Format(bilanId, FollowUpRecord.Segment), FrenchNotFound);
        return record.ToProto(await InterviewStore.OfBilanAsync(connection, null, bilanId, context.CancellationToken));
    }

    public override Task<FollowUp> UpdateFollowUp(UpdateFollowUpRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var followUp = request.FollowUp ?? new FollowUp();
        var bilanId = SingletonName.Parse(followUp.Name, FollowUpRecord.Segment, "follow_up.name", checks);
        checks.AddRange(FollowUpRules.ValidateDelay("follow_up.delay_months", followUp.DelayMonths));
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return ChangeAsync(nameof(UpdateFollowUp), bilanId, followUp.Etag, request.RequestId, request, context, BilanEventType.FollowUpUpdated, declining: false,
            current =>
            {
                var changed = current with { DelayMonths = (short)followUp.DelayMonths };
                return (changed, new()
                {
                    ["delay_months"] = followUp.DelayMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["proposed_date"] = Domain.FrenchCalendar.Iso(changed.ProposedDate),
                });
            });
    }

    public override Task<FollowUp> DeclineFollowUp(DeclineFollowUpRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = SingletonName.Parse(request.Name, FollowUpRecord.Segment, "name", checks);
        var date = ProtoConversions.RequireDateOnly(request.DeclinedDate, "declined_date", checks);
        if (date != DateOnly.MinValue && date > Today)
        {
            checks.Add("declined_date", "DATE_IN_FUTURE", "The date cannot be in the future (Paris calendar).", "Cette date ne peut pas être dans le futur.");
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return ChangeAsync(nameof(DeclineFollowUp), bilanId, request.Etag, request.RequestId, request, context, BilanEventType.FollowUpDeclined, declining: true,
            current => (current with { DeclinedDate = date }, new() { ["declined_date"] = Domain.FrenchCalendar.Iso(date) }));
    }

    private Task<FollowUp> ChangeAsync(
        string method,
        Guid bilanId,
        string etag,
        string requestId,
        Google.Protobuf.IMessage request,
        ServerCallContext context,
        BilanEventType eventType,
        bool declining,
        Func<FollowUpRecord, (FollowUpRecord Changed, Dictionary<string, string> Attributes)> change) =>
        requests.ExecuteAsync(method, requestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(
                await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
            var current = await FollowUpRecord.FindAsync(connection, transaction, bilanId, context.CancellationToken)
                ?? throw new ResourceNotFoundException(SingletonName.Format(bilanId, FollowUpRecord.Segment), FrenchNotFound);
            Etag.EnsureCurrent(etag, current.Version, current.Name);
            var interviews = await InterviewStore.OfBilanAsync(connection, transaction, bilanId, context.CancellationToken);
            FollowUpRules.EnsureOpen(bilan.State, current.StateOf(interviews), declining);

            var (changed, attributes) = change(current);
            var now = clock.Now();
            changed = changed with { UpdateTime = now.UtcDateTime, Version = current.Version + 1 };
            await FollowUpRecord.SaveAsync(connection, transaction, changed, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, eventType, Actor.Of(context), now,
                bilan.State, bilan.State, attributes, context.CancellationToken);
            return changed.ToProto(interviews);
        }, context.CancellationToken);
}
