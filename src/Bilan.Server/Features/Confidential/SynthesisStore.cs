using Bilan.Domain.Bilans;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Confidential;

/// <summary>The reads and writes of synthesis versions and interview notes that several RPCs (and the transitions) share.</summary>
internal static class SynthesisStore
{
    private const string CurrentSql = $"""
        SELECT {SynthesisRecord.Columns} FROM synthesis_versions s
        WHERE s.bilan_id = @BilanId ORDER BY s.version DESC LIMIT 1
        """;

    private const string LatestDeliveredSql = $"""
        SELECT {SynthesisRecord.Columns} FROM synthesis_versions s
        WHERE s.bilan_id = @BilanId AND s.deliver_time IS NOT NULL ORDER BY s.version DESC LIMIT 1
        """;

    private const string CurrentDeliveredSql = """
        SELECT COALESCE((SELECT s.deliver_time IS NOT NULL FROM synthesis_versions s
                         WHERE s.bilan_id = @BilanId ORDER BY s.version DESC LIMIT 1), false)
        """;

    private const string InsertSql = """
        INSERT INTO synthesis_versions (bilan_id, version, circumstances, skills_and_options, project_and_steps,
                                        beneficiary_observations, deliver_time, delivery_method, row_version, create_time, update_time)
        VALUES (@BilanId, @Version, @Circumstances, @SkillsAndOptions, @ProjectAndSteps,
                @BeneficiaryObservations, @DeliverTime, @DeliveryMethod, @RowVersion, @CreateTime, @UpdateTime)
        """;

    private const string UpdateSql = """
        UPDATE synthesis_versions
        SET circumstances = @Circumstances, skills_and_options = @SkillsAndOptions, project_and_steps = @ProjectAndSteps,
            beneficiary_observations = @BeneficiaryObservations, deliver_time = @DeliverTime, delivery_method = @DeliveryMethod,
            row_version = @RowVersion, update_time = @UpdateTime
        WHERE bilan_id = @BilanId AND version = @Version AND row_version = @ExpectedRowVersion AND destroyed_time IS NULL
        """;

    private const string NotesSql = """
        SELECT interview_id, bilan_id, text, destroyed_time, row_version, update_time FROM interview_notes
        WHERE interview_id = @InterviewId AND bilan_id = @BilanId
        """;

    private const string UpsertNotesSql = """
        INSERT INTO interview_notes (interview_id, bilan_id, text, row_version, update_time)
        VALUES (@InterviewId, @BilanId, @Text, 1, @UpdateTime)
        ON CONFLICT (interview_id) DO UPDATE
        SET text = EXCLUDED.text, row_version = interview_notes.row_version + 1, update_time = EXCLUDED.update_time
        WHERE interview_notes.row_version = @ExpectedRowVersion AND interview_notes.destroyed_time IS NULL
        """;

    /// <summary>The current (highest) version of the bilan's synthesis, or null before the first one is written.</summary>
    public static async Task<SynthesisRecord?> CurrentAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<SynthesisRow>(new CommandDefinition(
            CurrentSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken)))?.ToRecord();

    /// <summary>The last version handed to the beneficiary, or null.</summary>
    public static async Task<SynthesisRecord?> LatestDeliveredAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<SynthesisRow>(new CommandDefinition(
            LatestDeliveredSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken)))?.ToRecord();

    /// <summary>Whether the current version of the bilan's synthesis is delivered (a fact of <see cref="BilanFacts"/>).</summary>
    public static Task<bool> CurrentDeliveredAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            CurrentDeliveredSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken));

    public static Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, SynthesisRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, Parameters(record, 0), transaction, cancellationToken: cancellationToken));

    /// <summary>Writes <paramref name="record"/> over the version still at <paramref name="expectedRowVersion"/>, or ABORTED.</summary>
    public static async Task UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, SynthesisRecord record, int expectedRowVersion, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(
                UpdateSql, Parameters(record, expectedRowVersion), transaction, cancellationToken: cancellationToken)) == 0)
        {
            throw new Api.StaleEtagException(record.Name);
        }
    }

    /// <summary>The notes of an interview (of a bilan already checked), version 0 and empty when none were written.</summary>
    public static async Task<NotesRecord> NotesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, Guid interviewId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<NotesRow>(new CommandDefinition(
            NotesSql, new { BilanId = bilanId, InterviewId = interviewId }, transaction, cancellationToken: cancellationToken)))?.ToRecord()
        ?? new NotesRecord(bilanId, interviewId, "", null, 0, null);

    /// <summary>Writes the notes over those still at <paramref name="expectedRowVersion"/>, or ABORTED.</summary>
    public static async Task WriteNotesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NotesRecord notes, int expectedRowVersion, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteAsync(new CommandDefinition(UpsertNotesSql, new
            {
                notes.InterviewId,
                notes.BilanId,
                notes.Text,
                notes.UpdateTime,
                ExpectedRowVersion = expectedRowVersion,
            }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            throw new Api.StaleEtagException(notes.Name);
        }
    }

    /// <summary>
    /// Demo data: a synthesis written and handed over in person at <paramref name="deliverTime"/>, with its events, as
    /// the API would have written them.
    /// </summary>
    public static async Task InsertDeliveredAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid bilanId, DateTimeOffset deliverTime, BilanState state,
        string actor, CancellationToken cancellationToken)
    {
        var written = deliverTime.AddDays(-3);
        var record = new SynthesisRecord(bilanId, 1,
            "Bilan demandé pour préparer une reconversion après douze ans dans le même poste.",
            "Compétences d'organisation et de relation confirmées ; deux pistes étudiées, dont une retenue après enquêtes métier.",
            "Projet : formation qualifiante de six mois, financement CPF, puis recherche d'emploi ciblée ; étapes datées.",
            "",
            deliverTime, (short)Contracts.V1.DeliveryMethod.InPerson, null, 2, written, deliverTime);
        await InsertAsync(connection, transaction, record, cancellationToken);
        await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.SynthesisUpdated, actor, written, state, state,
            VersionAttributes(record), cancellationToken);
        await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.SynthesisDelivered, actor, deliverTime, state, state,
            DeliveryAttributes(record), cancellationToken);
    }

    /// <summary>Event attributes of a synthesis change: its version only, never any content.</summary>
    public static Dictionary<string, string> VersionAttributes(SynthesisRecord record) => new()
    {
        ["version"] = record.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Event attributes of a delivery: the version and how it was handed over, never any content.</summary>
    public static Dictionary<string, string> DeliveryAttributes(SynthesisRecord record)
    {
        var attributes = VersionAttributes(record);
        attributes["delivery_method"] = ((Contracts.V1.DeliveryMethod)(record.DeliveryMethod ?? 0)) switch
        {
            Contracts.V1.DeliveryMethod.InPerson => "IN_PERSON",
            Contracts.V1.DeliveryMethod.Remote => "REMOTE",
            Contracts.V1.DeliveryMethod.Post => "POST",
            Contracts.V1.DeliveryMethod.Email => "EMAIL",
            _ => "UNSPECIFIED",
        };
        return attributes;
    }

    private static object Parameters(SynthesisRecord record, int expectedRowVersion) => new
    {
        record.BilanId,
        record.Version,
        record.Circumstances,
        record.SkillsAndOptions,
        record.ProjectAndSteps,
        record.BeneficiaryObservations,
        record.DeliverTime,
        record.DeliveryMethod,
        record.RowVersion,
        record.CreateTime,
        record.UpdateTime,
        ExpectedRowVersion = expectedRowVersion,
    };
}
