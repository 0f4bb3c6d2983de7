using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Pages.Qualite;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Rapports;

/// <summary>
/// The quality indicators (Qualiopi) of a chosen period, with a CSV download; GET only, nothing changes. For
/// administrators and support. Without dates: from 1 January of this year to today.
/// </summary>
[Authorize(Roles = SessionClaims.AdminRole + "," + SessionClaims.SupportRole)]
public sealed class QualiteModel(QualityService.QualityServiceClient quality, TimeProvider clock, ILogger<QualiteModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "debut")]
    public DateOnly? Debut { get; set; }

    [BindProperty(SupportsGet = true, Name = "fin")]
    public DateOnly? Fin { get; set; }

    public QualityIndicators? Indicators { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>The indicators' rows as the page shows them (the same as the CSV's).</summary>
    public IReadOnlyList<string[]> Rows => Indicators is null ? [] : [.. QualityIndicatorsCsv.Rows(Indicators).Skip(3)];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>The same indicators as a CSV file (fr-FR, <c>;</c>, decimal comma, UTF-8 with BOM).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Indicators is null)
        {
            return Page();
        }

        return File(QualityIndicatorsCsv.Build(Indicators), "text/csv; charset=utf-8", QualityIndicatorsCsv.FileName(Debut!.Value, Fin!.Value));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var today = QualityLabels.Today(clock);
        Debut ??= new DateOnly(today.Year, 1, 1);
        Fin ??= today;
        try
        {
            Indicators = await quality.GetQualityIndicatorsAsync(new GetQualityIndicatorsRequest
            {
                StartDate = CalendarDates.ToProto(Debut),
                EndDate = CalendarDates.ToProto(Fin),
            }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("GetQualityIndicators refused: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.AddTo(ModelState, exception, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["start_date"] = nameof(Debut),
                ["end_date"] = nameof(Fin),
            }).Message;
        }
    }
}
