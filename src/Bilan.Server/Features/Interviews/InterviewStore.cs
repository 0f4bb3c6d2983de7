using Bilan.Domain.Interviews;
using Bilan.Server.Api;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Interviews;

/// <summary>The reads and writes of interviews that several RPCs share.</summary>
internal static class InterviewStore
{
    private const string OfBilanSql = $"SELECT {InterviewRecord.Columns} FROM interviews i WHERE i.bilan_id = @BilanId ORDER BY i.start_time, i.id";

    private const string FindSql = $"SELECT {InterviewRecord.Columns} FROM interviews i WHERE i.id = @Id AND i.bilan_id = @BilanId";

    // The other interviews (scheduled or held) that would overlap a slot, for the consultant or the beneficiary.
    private const string OverlappingSql = $"""
        SELECT {InterviewRecord.Columns} FROM interviews i
        WHERE i.status IN (1, 2) AND i.id <> @ExceptId
          AND (i.consultant_id = @ConsultantId OR i.beneficiary_id = @BeneficiaryId)
          AND tstzrange(i.start_time, i.end_time) && tstzrange(@Start, @End)
        ORDER BY i.start_time
        LIMIT 2
        """;

    private const string InsertSql = """
        INSERT INTO interviews (id, bilan_id, beneficiary_id, consultant_id, phase, start_time, end_time, mode, status,
                                held_minutes, version, create_time, update_time)
        VALUES (@Id, @BilanId, @BeneficiaryId, @ConsultantId, @Phase, @StartTime, @EndTime, @Mode, @Status,
                @HeldMinutes, @Version, @CreateTime, @UpdateTime)
        """;

    private const string UpdateSql = """
        UPDATE interviews
        SET consultant_id = @ConsultantId, start_time = @StartTime, end_time = @EndTime, mode = @Mode, status = @Status,
            held_minutes = @HeldMinutes, version = @Version, update_time = @UpdateTime
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    public static async Task<IReadOnlyList<InterviewRecord>> OfBilanAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<InterviewRow>(new CommandDefinition(OfBilanSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken)))
            .Select(row => row.ToRecord())
            .ToList();

    public static async Task<InterviewRecord> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, Guid id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<InterviewRow>(new CommandDefinition(
            FindSql, new { Id = id, BilanId = bilanId }, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord()
            ?? throw new ResourceNotFoundException(InterviewRecord.Format(bilanId, id), "Cet entretien n'existe pas.");
    }

    /// <summary>Refuses a slot already taken by the consultant or the beneficiary (a friendly check; the database's
    /// exclusion constraints are what guarantees it under concurrency).</summary>
    public static async Task EnsureSlotFreeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InterviewRecord candidate, CancellationToken cancellationToken)
    {
        var interview = candidate.Interview;
        var overlapping = (await connection.QueryAsync<InterviewRow>(new CommandDefinition(OverlappingSql, new
        {
            ExceptId = interview.Id,
            candidate.ConsultantId,
            candidate.BeneficiaryId,
            Start = interview.Start,
            End = interview.End,
        }, transaction, cancellationToken: cancellationToken))).Select(row => row.ToRecord()).ToList();
        InterviewRules.EnsureNoOverlap("consultant", overlapping.FirstOrDefault(o => o.ConsultantId == candidate.ConsultantId)?.Interview);
        InterviewRules.EnsureNoOverlap("beneficiary", overlapping.FirstOrDefault(o => o.BeneficiaryId == candidate.BeneficiaryId)?.Interview);
    }

    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, InterviewRecord record, CancellationToken cancellationToken) =>
        WriteAsync(connection, InsertSql, Parameters(record, 0), transaction, cancellationToken);

    /// <summary>Writes <paramref name="record"/> over the row still at <paramref name="expectedVersion"/>, or ABORTED.</summary>
    public static async Task UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InterviewRecord record, int expectedVersion, CancellationToken cancellationToken)
    {
        if (await WriteAsync(connection, UpdateSql, Parameters(record, expectedVersion), transaction, cancellationToken) == 0)
        {
            throw new StaleEtagException(record.Name);
        }
    }

    /// <summary>Runs a write; a double booking that slipped past the friendly check (a concurrent booking) is refused
    /// with the same INTERVIEW_OVERLAP the check gives.</summary>
    public static async Task<int> WriteAsync(
        NpgsqlConnection connection, string sql, object parameters, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.ExclusionViolation)
        {
            var whose = exception.ConstraintName == "consultant_not_double_booked" ? "consultant" : "beneficiary";
            throw InterviewRules.OverlapRefusal(whose);
        }
    }

    private static object Parameters(InterviewRecord record, int expectedVersion) => new
    {
        record.Interview.Id,
        record.BilanId,
        record.BeneficiaryId,
        record.ConsultantId,
        Phase = (short)record.Interview.Phase,
        StartTime = record.Interview.Start,
        EndTime = record.Interview.End,
        Mode = (short)record.Interview.Mode,
        Status = (short)record.Interview.Status,
        HeldMinutes = (short?)record.Interview.HeldMinutes,
        record.Version,
        record.CreateTime,
        record.UpdateTime,
        ExpectedVersion = expectedVersion,
    };
}
