using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Auth;
using Google.Protobuf;
using Grpc.Core;
using Npgsql;
using Interview = Bilan.Contracts.V1.Interview;

namespace Bilan.Server.Features.Interviews;

public sealed partial class InterviewsService
{
    /// <summary>What a change of one interview decides: its new form and the event that records it.</summary>
    private sealed record InterviewChange(InterviewRecord Updated, BilanEventType EventType, Dictionary<string, string> Attributes);

    /// <summary>
    /// A change of one existing interview, in one transaction: lock its bilan (changes of a bilan's interviews
    /// and of its state happen one at a time), check the interview's etag, let <paramref name="decide"/> apply the
    /// rules, then write the interview and its event together. Bad fields found by the caller in <paramref name="checks"/>
    /// are reported together with a bad name.
    /// </summary>
    private Task<Interview> ChangeAsync(
        string method,
        string name,
        string etag,
        string requestId,
        IMessage request,
        ServerCallContext context,
        Domain.Errors.FieldChecks checks,
        Func<NpgsqlConnection, NpgsqlTransaction, BilanRecord, InterviewRecord, DateTimeOffset, Task<InterviewChange>> decide)
    {
        var (bilanId, interviewId) = ParseName(name, "name", checks);
        Domain.Errors.InvalidFieldsException.ThrowIfAny(checks.Violations);
        return requests.ExecuteAsync(method, requestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
            var current = await InterviewStore.FindAsync(connection, transaction, bilanId, interviewId, context.CancellationToken);
            Etag.EnsureCurrent(etag, current.Version, current.Name);
            var now = clock.Now();
            var change = await decide(connection, transaction, bilan, current, now);
            var updated = change.Updated with { Version = current.Version + 1, UpdateTime = now };
            await InterviewStore.UpdateAsync(connection, transaction, updated, current.Version, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, change.EventType, Actor.Of(context), now,
                bilan.State, bilan.State, change.Attributes, context.CancellationToken);
            return updated.ToProto();
        }, context.CancellationToken);
    }
}
