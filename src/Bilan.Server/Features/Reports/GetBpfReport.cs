using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Reports;
using Bilan.Server.Api;
using Dapper;
using Grpc.Core;
using BpfTraineeType = Bilan.Domain.Reports.BpfTraineeType;
using FunderType = Bilan.Domain.Funding.FunderType;
using PublicCategory = Bilan.Domain.Beneficiaries.PublicCategory;

namespace Bilan.Server.Features.Reports;

public sealed partial class ReportsService
{
    /// <summary>A period longer than this is refused: the BPF covers one financial year, at most 3 years are allowed.</summary>
    private const int MaxPeriodDays = 3 * 366;

    // Held minutes per beneficiary for interviews HELD (status 2) whose start falls in the period (Paris days);
    // the beneficiary's public category gives the BPF trainee type.
    private const string TraineesSql = """
        SELECT be.id AS BeneficiaryId, be.public_category AS PublicCategory, SUM(i.held_minutes)::bigint AS HeldMinutes
        FROM interviews i JOIN beneficiaries be ON be.id = i.beneficiary_id
        WHERE i.status = 2 AND i.held_minutes > 0
          AND (i.start_time AT TIME ZONE 'Europe/Paris')::date BETWEEN @Start AND @End
        GROUP BY be.id, be.public_category
        """;

    // Income received: lines PAID (status 4) with a paid date in the period.
    private const string IncomeSql = """
        SELECT funder_type AS FunderType, SUM(amount_cents)::bigint AS AmountCents, COUNT(*)::int AS FundingCount
        FROM fundings
        WHERE status = 4 AND paid_date BETWEEN @Start AND @End
        GROUP BY funder_type
        """;

    public override async Task<BpfReport> GetBpfReport(GetBpfReportRequest request, ServerCallContext context)
    {
        var (start, end) = Period(request);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var trainees = (await connection.QueryAsync<(Guid BeneficiaryId, short PublicCategory, long HeldMinutes)>(new CommandDefinition(
            TraineesSql, new { Start = start, End = end }, cancellationToken: context.CancellationToken))).ToList();
        var income = (await connection.QueryAsync<(short FunderType, long AmountCents, int FundingCount)>(new CommandDefinition(
            IncomeSql, new { Start = start, End = end }, cancellationToken: context.CancellationToken))).ToList();

        var report = new BpfReport
        {
            StartDate = ProtoConversions.ToProtoDate(start),
            EndDate = ProtoConversions.ToProtoDate(end),
            TotalBeneficiaries = trainees.Count,
            TotalHeldMinutes = trainees.Sum(t => t.HeldMinutes),
            TotalIncomeCents = income.Sum(i => i.AmountCents),
            ComputeTime = ProtoConversions.ToTimestamp(clock.GetUtcNow()),
        };
        foreach (var type in Enum.GetValues<BpfTraineeType>().Where(t => t != BpfTraineeType.Unspecified))
        {
            var ofType = trainees.Where(t => Bpf.TraineeTypeOf((PublicCategory)t.PublicCategory) == type).ToList();
            report.TraineeLines.Add(new BpfTraineeLine
            {
                TraineeType = (Contracts.V1.BpfTraineeType)type,
                Beneficiaries = ofType.Count,
                HeldMinutes = ofType.Sum(t => t.HeldMinutes),
            });
        }

        foreach (var type in Enum.GetValues<FunderType>().Where(t => t != FunderType.Unspecified))
        {
            var line = income.Where(i => i.FunderType == (short)type).ToList();
            report.IncomeLines.Add(new BpfIncomeLine
            {
                FunderType = (Contracts.V1.FunderType)type,
                AmountCents = line.Sum(i => i.AmountCents),
                FundingCount = line.Sum(i => i.FundingCount),
            });
        }

        return report;
    }

    /// <summary>A year (1 January to 31 December) or a start and an end date, never both nor neither.</summary>
    private static (DateOnly Start, DateOnly End) Period(GetBpfReportRequest request)
    {
        var checks = new FieldChecks();
        var hasDates = request.StartDate is not null || request.EndDate is not null;
        if (request.Year != 0 && hasDates)
        {
            checks.Add("year", "PERIOD_TWICE", "Give a year or a start and an end date, not both.",
                "Indiquez une année ou une période (début et fin), pas les deux.");
        }
        else if (request.Year != 0)
        {
            if (request.Year is < 2000 or > 2100)
            {
                checks.Add("year", "YEAR_OUT_OF_RANGE", "The year must be between 2000 and 2100.", "L'année doit être comprise entre 2000 et 2100.");
            }
            else
            {
                return (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31));
            }
        }
        else if (!hasDates)
        {
            checks.Add("year", "REQUIRED", "Required: a year, or start_date and end_date.", "L'année (ou la période) est obligatoire.");
        }
        else
        {
            var start = ProtoConversions.RequireDateOnly(request.StartDate, "start_date", checks);
            var end = ProtoConversions.RequireDateOnly(request.EndDate, "end_date", checks);
            if (checks.Violations.Count == 0 && end < start)
            {
                checks.Add("end_date", "END_BEFORE_START", "The end cannot be before the start.", "La fin de la période ne peut pas précéder son début.");
            }
            else if (checks.Violations.Count == 0 && end.DayNumber - start.DayNumber > MaxPeriodDays)
            {
                checks.Add("end_date", "PERIOD_TOO_LONG", "The period covers at most 3 years.", "La période couvre au plus 3 ans.");
            }

            InvalidFieldsException.ThrowIfAny(checks.Violations);
            return (start, end);
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);
        throw new InvalidOperationException("Unreachable.");
    }
}
