using Bilan.Domain.Bilans;
using Bilan.Server.Features.Bilans.History;
using Npgsql;

namespace Bilan.Server.Features.FollowUps;

/// <summary>What the lifecycle asks of and tells the follow-up (R6313-4 3°).</summary>
internal static class FollowUps
{
    /// <summary>
    /// At completion: proposes the follow-up interview for the completion day + the policy's delay, and records it.
    /// A bilan completed again (never today: COMPLETED is reached once) would get a fresh proposal.
    /// </summary>
    public static async Task ProposeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid bilanId, BilanPolicy policy, string actor, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var completed = Domain.FrenchCalendar.DateOf(now);
        var record = new FollowUpRecord(bilanId, completed, (short)policy.FollowUpDelayMonths, null, now.UtcDateTime, now.UtcDateTime, 1);
        await FollowUpRecord.SaveAsync(connection, transaction, record, cancellationToken);
        await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.FollowUpProposed, actor, now,
            BilanState.Completed, BilanState.Completed, new Dictionary<string, string>
            {
                ["proposed_date"] = Domain.FrenchCalendar.Iso(record.ProposedDate),
                ["delay_months"] = policy.FollowUpDelayMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }, cancellationToken);
    }

    /// <summary>The day the beneficiary declined the follow-up, if so.</summary>
    public static async Task<DateOnly?> DeclinedOnAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        (await FollowUpRecord.FindAsync(connection, transaction, bilanId, cancellationToken))?.DeclinedDate;

    /// <summary>Demo data: a follow-up proposed at <paramref name="completed"/>, declined on <paramref name="declined"/> when given.</summary>
    public static Task SaveDemoAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid bilanId, DateTimeOffset completed, DateOnly? declined, CancellationToken cancellationToken) =>
        FollowUpRecord.SaveAsync(connection, transaction, new FollowUpRecord(bilanId, Domain.FrenchCalendar.DateOf(completed),
            (short)new BilanPolicy().FollowUpDelayMonths, declined, completed.UtcDateTime, completed.UtcDateTime, declined is null ? 1 : 2), cancellationToken);
}
