using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Conventions;

/// <summary>The reads and writes of conventions that several RPCs, the lifecycle and the demo data share.</summary>
internal static class ConventionStore
{
    private const string FindSql = $"SELECT {ConventionRecord.Columns} FROM tripartite_conventions WHERE bilan_id = @BilanId";

    private const string UpsertSql = """
        INSERT INTO tripartite_conventions (bilan_id, title, objective_and_content, means, duration_hours, period_start,
            period_end, conduct_and_follow_up, results_handover, price_euros, payment_terms, sent_date, received_date,
            employee_signed_date, employer_signed_date, provider_signed_date, employee_refused_date, create_time,
            update_time, version)
        VALUES (@BilanId, @Title, @ObjectiveAndContent, @Means, @DurationHours, @PeriodStart, @PeriodEnd,
            @ConductAndFollowUp, @ResultsHandover, @PriceEuros, @PaymentTerms, @SentDate, @ReceivedDate,
            @EmployeeSignedDate, @EmployerSignedDate, @ProviderSignedDate, @EmployeeRefusedDate, @CreateTime,
            @UpdateTime, @Version)
        ON CONFLICT (bilan_id) DO UPDATE SET
            title = EXCLUDED.title, objective_and_content = EXCLUDED.objective_and_content, means = EXCLUDED.means,
            duration_hours = EXCLUDED.duration_hours, period_start = EXCLUDED.period_start, period_end = EXCLUDED.period_end,
            conduct_and_follow_up = EXCLUDED.conduct_and_follow_up, results_handover = EXCLUDED.results_handover,
            price_euros = EXCLUDED.price_euros, payment_terms = EXCLUDED.payment_terms, sent_date = EXCLUDED.sent_date,
            received_date = EXCLUDED.received_date, employee_signed_date = EXCLUDED.employee_signed_date,
            employer_signed_date = EXCLUDED.employer_signed_date, provider_signed_date = EXCLUDED.provider_signed_date,
            employee_refused_date = EXCLUDED.employee_refused_date, update_time = EXCLUDED.update_time,
            version = EXCLUDED.version
        WHERE tripartite_conventions.version = @Version - 1
        """;

    /// <summary>The convention of a bilan, or null when none is drafted; locked for the transaction when <paramref name="forUpdate"/>.</summary>
    public static Task<ConventionRecord?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, bool forUpdate, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<ConventionRecord>(new CommandDefinition(
            forUpdate ? FindSql + " FOR UPDATE" : FindSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Writes <paramref name="record"/> (version 1 for a new convention, the stored version + 1 otherwise); the
    /// caller holds the bilan's row lock, so the guard only catches a bug, never a race.
    /// </summary>
    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ConventionRecord record, CancellationToken cancellationToken)
    {
        var written = await connection.ExecuteAsync(new CommandDefinition(UpsertSql, record, transaction, cancellationToken: cancellationToken));
        if (written != 1)
        {
            throw new InvalidOperationException($"Convention of bilan {record.BilanId} changed under a lock.");
        }
    }
}
