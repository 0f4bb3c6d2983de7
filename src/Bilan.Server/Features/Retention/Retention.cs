using Bilan.Domain;
using Bilan.Domain.Bilans;
using Bilan.Domain.Retention;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Features.Consents;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Retention;

/// <summary>
/// Code du travail R6313-7 (decree 2023-1350): when a bilan ends, its working documents (interview notes, every
/// version of the synthesis) are destroyed, except those the law lets the provider keep at most 3 years
/// (<see cref="RetentionRules"/>). Destroying blanks the content and stamps <c>destroyed_time</c>: the rows stay, so
/// that the history shows a synthesis existed, never what it said. Events record what happened, with no content.
/// The other records of a bilan are not "documents produced for the bilan" and stay when it ends: funding lines and
/// EDOF dossiers and the tripartite convention (R6313-8) are financial and contractual records (Code de commerce
/// L123-22, 10 years); the working-time authorisation (D6323-4) and the follow-up (R6313-4 3°) are dates of the
/// bilan's conditions; satisfaction surveys and complaints are the provider's quality records (Qualiopi), about the
/// service rather than the accompaniment. What the person wrote in them goes on erasure (GDPR art. 17; see
/// <c>ErasedRecords</c>).
/// </summary>
internal static class Retention
{
    /// <summary>The actor of the destructions the system makes by itself.</summary>
    public const string SystemActor = "system";

    private const string KeepAgreementSql = """
        SELECT COALESCE((SELECT keep_documents_for_follow_up FROM bilan_consents WHERE bilan_id = @BilanId), false)
        """;

    private const string DestroySynthesisSql = """
        UPDATE synthesis_versions
        SET circumstances = '', skills_and_options = '', project_and_steps = '', beneficiary_observations = '',
            destroyed_time = @Now, row_version = row_version + 1, update_time = @Now
        WHERE bilan_id = @BilanId AND destroyed_time IS NULL
        """;

    private const string DestroyNotesSql = """
        UPDATE interview_notes
        SET text = '', destroyed_time = @Now, row_version = row_version + 1, update_time = @Now
        WHERE bilan_id = @BilanId AND destroyed_time IS NULL
        """;

    private const string RetainSql = """
        INSERT INTO retained_documents (bilan_id, retain_until, reason, create_time)
        VALUES (@BilanId, @RetainUntil, @Reason, @Now)
        ON CONFLICT (bilan_id) DO UPDATE SET retain_until = EXCLUDED.retain_until, reason = EXCLUDED.reason
        """;

    /// <summary>
    /// Called in the transaction of the transition that ends <paramref name="bilan"/> (CLOSED or ABANDONED), after its
    /// new state is written: destroys what must go now, records what is kept and until when, and writes a
    /// DOCUMENTS_DESTROYED event (attributes <c>kept</c> and <c>retain_until</c>, never any content).
    /// </summary>
    public static async Task OnBilanEndedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BilanRecord bilan, BilanPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (bilan.State is not (BilanState.Closed or BilanState.Abandoned))
        {
            return;
        }

        var sentToCep = await DisclosureConsents.SentToCepOperatorAsync(connection, transaction, bilan.Id, cancellationToken);
        var agreement = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            KeepAgreementSql, new { BilanId = bilan.Id }, transaction, cancellationToken: cancellationToken));
        var decision = RetentionRules.AtEnd(FrenchCalendar.DateOf(now), sentToCep, agreement, policy.RetentionYears);

        await DestroyAsync(connection, transaction, bilan.Id, decision.Destroyed, now, cancellationToken);
        if (decision.RetainUntil is { } until)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                RetainSql, new { BilanId = bilan.Id, RetainUntil = until, Reason = (short)decision.Reason, Now = now }, transaction, cancellationToken: cancellationToken));
        }

        await EventLog.AppendAsync(connection, transaction, bilan.Id, BilanEventType.DocumentsDestroyed, SystemActor, now, bilan.State, bilan.State,
            new Dictionary<string, string>
            {
                ["destroyed"] = RetentionRules.Names(decision.Destroyed),
                ["kept"] = RetentionRules.Names(decision.Kept),
                ["retain_until"] = decision.RetainUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            }, cancellationToken);
    }

    /// <summary>Blanks <paramref name="documents"/> of the bilan that are not destroyed yet; returns how many rows it destroyed.</summary>
    public static async Task<int> DestroyAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid bilanId, BilanDocuments documents, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var destroyed = 0;
        if (documents.HasFlag(BilanDocuments.Synthesis))
        {
            destroyed += await connection.ExecuteAsync(new CommandDefinition(
                DestroySynthesisSql, new { BilanId = bilanId, Now = now }, transaction, cancellationToken: cancellationToken));
        }

        if (documents.HasFlag(BilanDocuments.InterviewNotes))
        {
            destroyed += await connection.ExecuteAsync(new CommandDefinition(
                DestroyNotesSql, new { BilanId = bilanId, Now = now }, transaction, cancellationToken: cancellationToken));
        }

        return destroyed;
    }
}
