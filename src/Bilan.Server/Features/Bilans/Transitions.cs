using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Interviews;
using Bilan.Domain;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Features.Interviews;
using Bilan.Server.Auth;
using Dapper;
using Google.Protobuf;
using Grpc.Core;
using Npgsql;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    private const string ChangeStateSql = """
        UPDATE bilans
        SET state = @State, abandon_reason = @AbandonReason, version = version + 1, update_time = @UpdateTime
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    // A bilan past its conclusion (completed, closed, abandoned, cancelled) holds no more interviews: the scheduled
    // ones are cancelled and free their slots.
    private const string CancelScheduledInterviewsSql = """
        UPDATE interviews SET status = 4, version = version + 1, update_time = @UpdateTime
        WHERE bilan_id = @BilanId AND status = 1
        RETURNING id
        """;

    /// <summary>
    /// One transition of the state machine, in one transaction: lock the bilan, check its etag, gather the facts
    /// the conditions read, let the lifecycle decide, then write the new state and its event together.
    /// </summary>
    private Task<BilanResource> TransitionAsync(
        BilanTransition transition,
        string name,
        string etag,
        string requestId,
        IMessage request,
        ServerCallContext context,
        AbandonReason abandonReason = AbandonReason.Unspecified,
        FieldChecks? checks = null)
    {
        checks ??= new FieldChecks();
        if (!ResourceName.TryParseId(name, BilanRecord.Collection, out var id))
        {
            checks.AddRange([ResourceName.Violation(name, BilanRecord.Collection, "name")]);
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return requests.ExecuteAsync(BilanLifecycle.MethodName(transition), requestId, request, async (connection, transaction) =>
        {
            var current = context.Caller().EnsureMayChange(await FindAsync(connection, transaction, id, forUpdate: true, context.CancellationToken));
            Etag.EnsureCurrent(etag, current.Version, current.Name);
            var facts = await FactsAsync(connection, transaction, current, context.CancellationToken);
            var newState = lifecycle.Apply(current.State, transition, facts);

            var now = clock.Now();
            var updated = current with { State = newState, Version = current.Version + 1, UpdateTime = now, AbandonReason = abandonReason };
            await connection.ExecuteAsync(new CommandDefinition(ChangeStateSql, new
            {
                updated.Id,
                State = (short)newState,
                AbandonReason = abandonReason == AbandonReason.Unspecified ? (short?)null : (short)abandonReason,
                UpdateTime = now,
                ExpectedVersion = current.Version,
            }, transaction, cancellationToken: context.CancellationToken));

            var attributes = abandonReason == AbandonReason.Unspecified
                ? null
                : new Dictionary<string, string> { ["reason"] = ApiNames.Of(abandonReason) };
            await EventLog.AppendAsync(connection, transaction, id, BilanEventTypes.Of(transition), Actor.Of(context), now,
                current.State, newState, attributes, context.CancellationToken);
            // R6313-7: a bilan that ends (closed, abandoned) has its working documents destroyed in this transaction.
            await Retention.Retention.OnBilanEndedAsync(connection, transaction, updated, policy, now, context.CancellationToken);
            // R6313-4 3°: a completed bilan is proposed a follow-up interview (policy delay, 6 months by default).
            if (newState == BilanState.Completed)
            {
                await FollowUps.FollowUps.ProposeAsync(connection, transaction, id, policy, Actor.Of(context), now, context.CancellationToken);
            }

            if (!InterviewRules.TakesInterviews(newState))
            {
                await CancelScheduledInterviewsAsync(connection, transaction, updated, context, now);
            }

            return updated.ToProto();
        }, context.CancellationToken);
    }

    private async Task<BilanFacts> FactsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BilanRecord bilan, CancellationToken cancellationToken)
    {
        var beneficiary = await BeneficiariesService.FindAsync(connection, transaction, bilan.BeneficiaryId, forUpdate: false, cancellationToken);
        var interviews = await InterviewStore.OfBilanAsync(connection, transaction, bilan.Id, cancellationToken);
        var convention = await Conventions.ConventionStore.FindAsync(connection, transaction, bilan.Id, forUpdate: false, cancellationToken);
        return new BilanFacts(
            FrenchCalendar.DateOf(clock.GetUtcNow()),
            bilan.ConsultantId is not null,
            interviews.Select(i => i.Interview).ToList(),
            beneficiary.Details.Situations,
            policy)
        {
            ConsentRecorded = await Consents.BilanConsents.RecordedAsync(connection, transaction, bilan.Id, cancellationToken),
            SynthesisDelivered = await Confidential.SynthesisStore.CurrentDeliveredAsync(connection, transaction, bilan.Id, cancellationToken),
            FundingSource = bilan.Plan.FundingSource,
            WorkingTime = bilan.Plan.WorkingTime,
            PlannedStartDate = bilan.Plan.PlannedStartDate,
            FundingLines = await Funding.FundingLines.OfBilanAsync(connection, transaction, bilan.Id, cancellationToken),
            ConventionDrafted = convention is not null,
            Convention = convention?.Facts,
            WorkingTimeAuthorisation = (await WorkingTimeAuthorizations.AuthorizationRecord.FindAsync(connection, transaction, bilan.Id, cancellationToken))?.Request,
            FollowUpDeclinedOn = await FollowUps.FollowUps.DeclinedOnAsync(connection, transaction, bilan.Id, cancellationToken),
        };
    }

    private static async Task CancelScheduledInterviewsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BilanRecord bilan, ServerCallContext context, DateTimeOffset now)
    {
        var cancelled = await connection.QueryAsync<Guid>(new CommandDefinition(
            CancelScheduledInterviewsSql, new { BilanId = bilan.Id, UpdateTime = now }, transaction, cancellationToken: context.CancellationToken));
        foreach (var interviewId in cancelled)
        {
            await EventLog.AppendAsync(connection, transaction, bilan.Id, BilanEventType.InterviewCancelled, Actor.Of(context), now,
                bilan.State, bilan.State, new Dictionary<string, string> { ["interview"] = InterviewRecord.Format(bilan.Id, interviewId) },
                context.CancellationToken);
        }
    }
}
