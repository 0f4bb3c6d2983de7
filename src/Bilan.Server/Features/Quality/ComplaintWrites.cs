using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Quality;

/// <summary>The writes of complaints that several RPCs (and the demo data) share.</summary>
internal static class ComplaintWrites
{
    private const string InsertSql = """
        INSERT INTO complaints (id, received_date, channel, complainant, complainant_name, bilan_id, subject, description, status,
                                acknowledge_deadline, answer_deadline, acknowledge_date, answer_date, answer, corrective_action,
                                version, create_time, update_time)
        VALUES (@Id, @ReceivedDate, @Channel, @Complainant, @ComplainantName, @BilanId, @Subject, @Description, @Status,
                @AcknowledgeDeadline, @AnswerDeadline, @AcknowledgeDate, @AnswerDate, @Answer, @CorrectiveAction,
                @Version, @CreateTime, @UpdateTime)
        """;

    // Guarded by the version read: a concurrent change makes it write nothing, answered as ABORTED.
    private const string UpdateSql = """
        UPDATE complaints
        SET received_date = @ReceivedDate, channel = @Channel, complainant = @Complainant, complainant_name = @ComplainantName,
            subject = @Subject, description = @Description, status = @Status, acknowledge_deadline = @AcknowledgeDeadline,
            answer_deadline = @AnswerDeadline, acknowledge_date = @AcknowledgeDate, answer_date = @AnswerDate, answer = @Answer,
            corrective_action = @CorrectiveAction, version = @Version, update_time = @UpdateTime
        WHERE id = @Id AND version = @Version - 1
        """;

    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ComplaintRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, record, transaction, cancellationToken: cancellationToken));

    /// <summary>Writes <paramref name="record"/> (whose version is one more than the row's); false when the row changed meanwhile.</summary>
    public static async Task<bool> UpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ComplaintRecord record, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(UpdateSql, record, transaction, cancellationToken: cancellationToken)) == 1;
}
