using Bilan.Domain.Funding;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>
/// What erasure (GDPR art. 17) does to the records of a person's bilans that other services own. Art. 17(3)(b) and
/// (e) let the provider keep what a legal duty or the defence of claims needs; everything else that identifies the
/// person, or that they wrote, goes. Per record:
/// <list type="bullet">
/// <item>Funding lines and their EDOF dossier: kept. They are accounting records and the supporting facts of
/// invoices and payments (amounts, dates, funder, the funder's reference and the EDOF dossier number that the Caisse
/// des Dépôts audits), kept 10 years (Code de commerce L123-22). Refusing the erasure for 10 years would keep the
/// person's name, e-mail and phone for no duty: instead the lines stay, tied to a bilan whose person is erased, and
/// the only identity a line may carry, the funder name of a personal line (often typed as the person's name), becomes
/// "Le bénéficiaire". The invoices themselves, with the payer's name, live in the accounting software.</item>
/// <item>Tripartite convention (R6313-8): kept unchanged. It is the contract signed by employer, employee and
/// provider, and the supporting document of the employer's expense and the provider's invoice (L123-22, 10 years);
/// rewriting a signed contract would destroy its value as evidence. It carries no contact details.</item>
/// <item>Working-time authorisation (D6323-4) and follow-up (R6313-4 3°): kept. Only dates and an answer, no
/// identity: the evidence that the CPF bilan started lawfully and that the follow-up was proposed.</item>
/// <item>Satisfaction survey: the comments (the person's own words) are erased; the scores and the answer date stay,
/// anonymous, so that the Qualiopi result indicators (response rate, average score) still compute.</item>
/// <item>Complaints the person made about their bilans: the complainant's name, the subject, the description and the
/// answer addressed to them are erased; channel, dates, deadlines, status and the corrective action (the provider's
/// improvement, which Qualiopi asks to trace) stay, so the complaint indicators still compute. Complaints made by
/// others (an employer, a funder) are theirs and stay; a complaint not linked to a bilan cannot be told to be this
/// person's (its complainant is free text).</item>
/// </list>
/// Recorded answers of idempotent requests that repeat an erased text are deleted as well.
/// </summary>
internal static class ErasedRecords
{
    /// <summary>The subject an erased complaint is left with.</summary>
    public const string ErasedSubject = "Effacé";

    private const string PersonalFunderNamesSql = """
        SELECT funder_name FROM fundings WHERE bilan_id = ANY(@BilanIds) AND funder_type = @Personal AND funder_name <> @Generic
        """;

    private const string GenericFunderNameSql = """
        UPDATE fundings SET funder_name = @Generic, version = version + 1, update_time = @Now
        WHERE bilan_id = ANY(@BilanIds) AND funder_type = @Personal AND funder_name <> @Generic
        """;

    private const string SurveyCommentsSql = "SELECT comments FROM satisfaction_surveys WHERE bilan_id = ANY(@BilanIds) AND comments <> ''";

    private const string EraseSurveyCommentsSql = """
        UPDATE satisfaction_surveys SET comments = '', version = version + 1, update_time = @Now
        WHERE bilan_id = ANY(@BilanIds) AND comments <> ''
        """;

    // complainant 1: the beneficiary (Complainant.Beneficiary).
    private const string ComplaintTextsSql = """
        SELECT unnest(ARRAY[complainant_name, subject, description, answer]) FROM complaints
        WHERE bilan_id = ANY(@BilanIds) AND complainant = 1 AND description <> ''
        """;

    private const string EraseComplaintTextsSql = """
        UPDATE complaints SET complainant_name = '', subject = @Subject, description = '', answer = '', version = version + 1, update_time = @Now
        WHERE bilan_id = ANY(@BilanIds) AND complainant = 1 AND description <> ''
        """;

    private const string EraseRecordedAnswersSql = """
        DELETE FROM request_log
        WHERE response IS NOT NULL AND EXISTS (SELECT 1 FROM unnest(@Texts) t WHERE position(convert_to(t, 'UTF8') IN response) > 0)
        """;

    /// <summary>Applies the decisions above to the records of <paramref name="bilanIds"/>, in the erasure's transaction.</summary>
    public static async Task EraseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] bilanIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var funding = new
        {
            BilanIds = bilanIds,
            Personal = (short)FunderType.Personal,
            Generic = FundingRules.DefaultFunderName(FunderType.Personal),
            Now = now,
            Subject = ErasedSubject,
        };
        CommandDefinition Command(string sql) => new(sql, funding, transaction, cancellationToken: cancellationToken);

        var texts = (await connection.QueryAsync<string>(Command(PersonalFunderNamesSql)))
            .Concat(await connection.QueryAsync<string>(Command(SurveyCommentsSql)))
            .Concat(await connection.QueryAsync<string>(Command(ComplaintTextsSql)))
            .Where(text => !string.IsNullOrWhiteSpace(text))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

        await connection.ExecuteAsync(Command(GenericFunderNameSql));
        await connection.ExecuteAsync(Command(EraseSurveyCommentsSql));
        await connection.ExecuteAsync(Command(EraseComplaintTextsSql));
        if (texts.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(EraseRecordedAnswersSql, new { Texts = texts }, transaction, cancellationToken: cancellationToken));
        }
    }
}
