using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;

namespace Bilan.Server.Tests.Data;

/// <summary>What scripts/run shows of quality: surveys of ended bilans, complaints at every stage, one of them late.</summary>
public sealed class DemoQualityTests
{
    [Fact]
    public async Task SeedDemoData_SurveysComplaintsAndTheirAlerts()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Bilan:SeedDemoData"] = "true" });

        var surveys = (await server.Quality().ListSatisfactionSurveysAsync(new ListSatisfactionSurveysRequest())).Surveys;
        var complaints = (await server.Quality().ListComplaintsAsync(new ListComplaintsRequest())).Complaints;
        var alerts = (await server.AlertsClient().ListAlertsAsync(new ListAlertsRequest())).Alerts;

        Assert.Equal(3, surveys.Count);
        Assert.Equal(
            [ComplaintStatus.Received, ComplaintStatus.Received, ComplaintStatus.InProgress, ComplaintStatus.Resolved, ComplaintStatus.Rejected],
            complaints.Select(c => c.Status));
        Assert.Contains(alerts, a => a.Kind == AlertKind.ComplaintToAcknowledge && a.Severity == AlertSeverity.Overdue);
        Assert.Contains(alerts, a => a.Kind == AlertKind.BilanIdle);
    }
}
