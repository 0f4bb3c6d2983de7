using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Consents;

/// <summary>What the lifecycle asks about the beneficiary's consent to the bilan (L6313-4).</summary>
public static class BilanConsents
{
    private const string RecordedSql = "SELECT EXISTS (SELECT 1 FROM bilan_consents WHERE bilan_id = @BilanId)";

    private const string UpsertSql = """
        INSERT INTO bilan_consents (bilan_id, consent_date, method, keep_documents_for_follow_up, recorded_by, create_time, row_version)
        VALUES (@BilanId, @ConsentDate, @Method, @KeepDocumentsForFollowUp, @RecordedBy, @CreateTime, @RowVersion)
        ON CONFLICT (bilan_id) DO UPDATE
        SET consent_date = EXCLUDED.consent_date, method = EXCLUDED.method,
            keep_documents_for_follow_up = EXCLUDED.keep_documents_for_follow_up, recorded_by = EXCLUDED.recorded_by,
            create_time = EXCLUDED.create_time, row_version = EXCLUDED.row_version
        """;

    /// <summary>Records the consent, or replaces the recorded one (the caller checked its etag).</summary>
    internal static Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BilanConsentRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(UpsertSql, record, transaction, cancellationToken: cancellationToken));

    /// <summary>A consent given on paper on <paramref name="time"/>'s day, for demo bilans past REQUESTED.</summary>
    internal static Task SaveDemoAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid bilanId, DateTimeOffset time, string actor, CancellationToken cancellationToken) =>
        SaveAsync(connection, transaction, new BilanConsentRecord(bilanId, Domain.FrenchCalendar.DateOf(time), (short)ConsentMethod.SignedPaper,
            KeepDocumentsForFollowUp: false, actor, time.UtcDateTime, 1), cancellationToken);

    /// <summary>Whether the beneficiary's consent to the bilan is recorded.</summary>
    public static Task<bool> RecordedAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            RecordedSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken));
}
