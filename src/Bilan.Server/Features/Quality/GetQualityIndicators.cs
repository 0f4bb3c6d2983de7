using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Dapper;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Quality;

public sealed partial class QualityManagementService
{
    /// <summary>The longest period the indicators are computed for.</summary>
    private const int MaximumPeriodYears = 5;

    // One pass: the bilans started, completed and abandoned in [From, To) by the time of their event, then, of those
    // completed, the surveys, their score sum and how many are satisfied; then the complaints by their dates.
    private const string IndicatorsSql = """
        WITH moved AS (
            SELECT e.bilan_id, e.type FROM bilan_events e
            WHERE e.type IN (@Started, @Completed, @Abandoned) AND e.create_time >= @From AND e.create_time < @To
            GROUP BY e.bilan_id, e.type
        )
        SELECT
            (SELECT count(*) FROM moved WHERE type = @Started)::int AS Started,
            (SELECT count(*) FROM moved WHERE type = @Completed)::int AS Completed,
            (SELECT count(*) FROM moved WHERE type = @Abandoned)::int AS Abandoned,
            count(s.bilan_id)::int AS SurveyCount,
            coalesce(sum(s.overall_score), 0)::bigint AS ScoreSum,
            count(s.bilan_id) FILTER (WHERE s.overall_score >= @SatisfiedFrom)::int AS SatisfiedCount,
            (SELECT count(*) FROM complaints c WHERE c.received_date BETWEEN @StartDate AND @EndDate)::int AS ComplaintsReceived,
            (SELECT count(*) FROM complaints c WHERE c.status = 4 AND c.answer_date BETWEEN @StartDate AND @EndDate)::int AS ComplaintsResolved,
            (SELECT count(*) FROM complaints c WHERE c.status = 5 AND c.answer_date BETWEEN @StartDate AND @EndDate)::int AS ComplaintsRejected
        FROM moved d
        LEFT JOIN satisfaction_surveys s ON s.bilan_id = d.bilan_id
        WHERE d.type = @Completed
        """;

    public override async Task<QualityIndicators> GetQualityIndicators(GetQualityIndicatorsRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var start = ProtoConversions.RequireDateOnly(request.StartDate, "start_date", checks);
        var end = ProtoConversions.RequireDateOnly(request.EndDate, "end_date", checks);
        if (checks.Violations.Count == 0 && end < start)
        {
            checks.Add("end_date", "BEFORE_START", "The period ends on or after its start.", "La fin de la période ne peut pas précéder son début.");
        }
        else if (checks.Violations.Count == 0 && end > start.AddYears(MaximumPeriodYears))
        {
            checks.Add("end_date", "PERIOD_TOO_LONG", $"A period is at most {MaximumPeriodYears} years long.",
                $"Une période dure au plus {MaximumPeriodYears} ans.");
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);

        // The period's days are Paris days: from midnight of the first in Paris to midnight after the last.
        var from = ComplaintDeadlines.EndOfDay(start.AddDays(-1));
        var to = ComplaintDeadlines.EndOfDay(end);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var row = await connection.QuerySingleAsync<IndicatorRow>(new CommandDefinition(IndicatorsSql, new
        {
            Started = (short)BilanEventType.Started,
            Completed = (short)BilanEventType.Completed,
            Abandoned = (short)BilanEventType.Abandoned,
            From = from,
            To = to,
            SatisfiedFrom = SatisfactionSurveyRules.SatisfiedFrom,
            StartDate = start,
            EndDate = end,
        }, cancellationToken: context.CancellationToken));

        var rates = QualityRates.Of(new QualityCounts(row.Completed, row.Abandoned, row.SurveyCount, row.ScoreSum, row.SatisfiedCount));
        var indicators = new QualityIndicators
        {
            StartDate = ProtoConversions.ToProtoDate(start),
            EndDate = ProtoConversions.ToProtoDate(end),
            BilansStarted = row.Started,
            BilansCompleted = row.Completed,
            BilansAbandoned = row.Abandoned,
            BilansEnded = rates.Ended,
            SurveyCount = row.SurveyCount,
            ComplaintsReceived = row.ComplaintsReceived,
            ComplaintsResolved = row.ComplaintsResolved,
            ComplaintsRejected = row.ComplaintsRejected,
        };
        if (rates.CompletionRate is { } completion)
        {
            indicators.CompletionRate = completion;
        }

        if (rates.AbandonmentRate is { } abandonment)
        {
            indicators.AbandonmentRate = abandonment;
        }

        if (rates.ResponseRate is { } response)
        {
            indicators.ResponseRate = response;
        }

        if (rates.AverageScore is { } average)
        {
            indicators.AverageScore = average;
        }

        if (rates.SatisfiedRate is { } satisfied)
        {
            indicators.SatisfiedRate = satisfied;
        }

        return indicators;
    }

    private sealed record IndicatorRow(
        int Started, int Completed, int Abandoned, int SurveyCount, long ScoreSum, int SatisfiedCount,
        int ComplaintsReceived, int ComplaintsResolved, int ComplaintsRejected);
}
