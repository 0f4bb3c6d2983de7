using Bilan.Domain.FollowUps;
using Bilan.Domain.Interviews;
using Bilan.Server.Api;
using Bilan.Server.Features.Interviews;
using Dapper;
using Npgsql;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.FollowUps;

/// <summary>The follow-up proposed at completion, as stored (row of <c>follow_ups</c>).</summary>
internal sealed record FollowUpRecord(
    Guid BilanId, DateOnly CompletionDate, short DelayMonths, DateOnly? DeclinedDate, DateTime CreateTime, DateTime UpdateTime, int Version)
{
    public const string Segment = "followUp";

    private const string FindSql = """
        SELECT bilan_id, completion_date, delay_months, declined_date, create_time, update_time, version
        FROM follow_ups WHERE bilan_id = @BilanId
        """;

    private const string InsertSql = """
        INSERT INTO follow_ups (bilan_id, completion_date, delay_months, declined_date, create_time, update_time, version)
        VALUES (@BilanId, @CompletionDate, @DelayMonths, @DeclinedDate, @CreateTime, @UpdateTime, @Version)
        ON CONFLICT (bilan_id) DO UPDATE SET completion_date = EXCLUDED.completion_date, delay_months = EXCLUDED.delay_months,
            declined_date = EXCLUDED.declined_date, update_time = EXCLUDED.update_time, version = EXCLUDED.version
        """;

    public string Name => SingletonName.Format(BilanId, Segment);

    public DateOnly ProposedDate => FollowUpRules.ProposedDate(CompletionDate, DelayMonths);

    public static Task<FollowUpRecord?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<FollowUpRecord>(new CommandDefinition(FindSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken));

    public static Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, FollowUpRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, record, transaction, cancellationToken: cancellationToken));

    public FollowUpState StateOf(IReadOnlyList<InterviewRecord> interviews) =>
        FollowUpRules.StateOf(DeclinedDate, interviews.Select(i => i.Interview));

    public Proto.FollowUp ToProto(IReadOnlyList<InterviewRecord> interviews)
    {
        var state = StateOf(interviews);
        var interview = interviews
            .Where(i => i.Interview.Phase == InterviewPhase.FollowUp && i.Interview.Status is InterviewStatus.Held or InterviewStatus.Scheduled)
            .OrderByDescending(i => i.Interview.Status == InterviewStatus.Held)
            .ThenBy(i => i.Interview.Start)
            .FirstOrDefault();
        return new Proto.FollowUp
        {
            Name = Name,
            CompletionDate = ProtoConversions.ToProtoDate(CompletionDate),
            DelayMonths = DelayMonths,
            ProposedDate = ProtoConversions.ToProtoDate(ProposedDate),
            State = (Proto.FollowUpState)state,
            Interview = interview?.Name ?? "",
            DeclinedDate = ProtoConversions.ToProtoDate(DeclinedDate),
            CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
            UpdateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(UpdateTime, TimeSpan.Zero)),
            Etag = Etag.Of(Version),
        };
    }
}
