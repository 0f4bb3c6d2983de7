using System.Globalization;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Bilan.Domain.Reports;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DomainFunderType = Bilan.Domain.Funding.FunderType;
using DomainTraineeType = Bilan.Domain.Reports.BpfTraineeType;

namespace Bilan.BackOffice.Pages.Rapports;

/// <summary>
/// The BPF figures of bilans (Bilan pédagogique et financier) for a chosen year, and the same table as a CSV file
/// Excel opens in French (semicolons, decimal comma, UTF-8 with a byte order mark). Reads only: GET, no change.
/// </summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class BpfModel(ReportService.ReportServiceClient reports, TimeProvider clock, ILogger<BpfModel> logger) : PageModel
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The year asked (<c>?annee=2026</c>); by default the last financial year.</summary>
    [BindProperty(SupportsGet = true, Name = "annee")]
    public int? Annee { get; set; }

    /// <summary>The year shown.</summary>
    public int Year => Annee ?? (Domain.FrenchCalendar.DateOf(clock.GetUtcNow()).Year - 1);

    /// <summary>The years the selector offers: the last six, the current one included.</summary>
    public IReadOnlyList<int> Years
    {
        get
        {
            var current = Domain.FrenchCalendar.DateOf(clock.GetUtcNow()).Year;
            return [.. Enumerable.Range(current - 5, 6).Reverse()];
        }
    }

    /// <summary>The figures, once the API answered.</summary>
    public BpfTable? Table { get; private set; }

    /// <summary>The French error message, when the API refused or failed.</summary>
    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Table = await LoadAsync(cancellationToken);

    /// <summary>The table as <c>bpf-bilans-{année}.csv</c>; the page with its error when the API fails.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        Table = await LoadAsync(cancellationToken);
        return Table is null
            ? Page()
            : File(Csv(Table), "text/csv; charset=utf-8", $"bpf-bilans-{Year.ToString(CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>The CSV bytes: UTF-8 BOM, one line per row, fields separated by semicolons, CRLF line ends.</summary>
    public static byte[] Csv(BpfTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return FrenchCsv.Build(
        [
            ["Bilan pédagogique et financier — bilans de compétences", $"du {table.Start}", $"au {table.End}"],
            [],
            ["Type de stagiaires", "Nombre de bénéficiaires", "Heures réalisées"],
            .. table.Trainees.Select(row => (string[])[row.Label, row.Beneficiaries, row.HoursCsv]),
            ["Total", table.TotalBeneficiaries, table.TotalHoursCsv],
            [],
            ["Origine des produits", "Montant reçu (€)", "Nombre de prises en charge payées"],
            .. table.Income.Select(row => (string[])[row.Label, row.AmountCsv, row.Count]),
            ["Total", table.TotalIncomeCsv, table.TotalIncomeCount],
        ]);
    }

    private async Task<BpfTable?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var report = await reports.GetBpfReportAsync(new GetBpfReportRequest { Year = Year }, cancellationToken: cancellationToken);
            return BpfTable.From(report);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetBpfReport failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
            return null;
        }
    }

    internal static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Hours from minutes, two decimals, decimal comma, no grouping (Excel reads it as a number).</summary>
    internal static string HoursCsv(long minutes) => (minutes / 60m).ToString("0.00", French);

    internal static string HoursText(long minutes) => (minutes / 60m).ToString("#,##0.00", French);

    internal static string EurosCsv(long cents) => (cents / 100m).ToString("0.00", French);

    internal static string EurosText(long cents) => (cents / 100m).ToString("#,##0.00", French) + " €";
}

/// <summary>The BPF figures as the page and the CSV show them, in French.</summary>
public sealed record BpfTable(
    string Start,
    string End,
    IReadOnlyList<BpfTraineeRow> Trainees,
    string TotalBeneficiaries,
    string TotalHours,
    string TotalHoursCsv,
    IReadOnlyList<BpfIncomeRow> Income,
    string TotalIncome,
    string TotalIncomeCsv,
    string TotalIncomeCount)
{
    public static BpfTable From(BpfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new BpfTable(
            CalendarDates.Format(report.StartDate),
            CalendarDates.Format(report.EndDate),
            [.. report.TraineeLines.Select(line => new BpfTraineeRow(
                Bpf.FrenchLabel((DomainTraineeType)(int)line.TraineeType),
                BpfModel.Number(line.Beneficiaries),
                BpfModel.HoursText(line.HeldMinutes),
                BpfModel.HoursCsv(line.HeldMinutes)))],
            BpfModel.Number(report.TotalBeneficiaries),
            BpfModel.HoursText(report.TotalHeldMinutes),
            BpfModel.HoursCsv(report.TotalHeldMinutes),
            [.. report.IncomeLines.Select(line => new BpfIncomeRow(
                Bpf.FrenchIncomeLabel((DomainFunderType)(int)line.FunderType),
                BpfModel.EurosText(line.AmountCents),
                BpfModel.EurosCsv(line.AmountCents),
                BpfModel.Number(line.FundingCount)))],
            BpfModel.EurosText(report.TotalIncomeCents),
            BpfModel.EurosCsv(report.TotalIncomeCents),
            BpfModel.Number(report.IncomeLines.Sum(line => line.FundingCount)));
    }

}

/// <summary>One trainee type: label, beneficiaries, hours for the page and for the CSV.</summary>
public sealed record BpfTraineeRow(string Label, string Beneficiaries, string Hours, string HoursCsv);

/// <summary>One origin of income: label, amount for the page and for the CSV, paid lines.</summary>
public sealed record BpfIncomeRow(string Label, string Amount, string AmountCsv, string Count);
