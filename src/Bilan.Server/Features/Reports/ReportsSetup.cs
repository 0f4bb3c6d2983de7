namespace Bilan.Server.Features.Reports;

/// <summary>Registration of bilan.v1.ReportService.</summary>
public static class ReportsSetup
{
    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapGrpcService<ReportsService>();
        return app;
    }
}
