using Bilan.Contracts.V1;
using Bilan.Server.Features.Identity;
using Bilan.Server.Tests.TestSupport;

namespace Bilan.Server.Tests.Data;

/// <summary>What scripts/run's dashboard shows of the deadline alerts: several kinds, for the admin and for Claire Dupont.</summary>
public sealed class DemoAlertsTests
{
    [Fact]
    public async Task SeedDemoData_DashboardShowsAlertsOfSeveralKindsIncludingTheDeadlines()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Bilan:SeedDemoData"] = "true" });

        var ofAdmin = (await server.AlertsClient().ListAlertsAsync(new ListAlertsRequest())).Alerts;
        var ofClaire = (await new AlertService.AlertServiceClient(server.ChannelAs(DemoAccounts.ConsultantEmail, DemoAccounts.ConsultantPassword))
            .ListAlertsAsync(new ListAlertsRequest())).Alerts;

        // Camille Martin: her CPF dossier waits for the provider's answer; her employer has not answered, and in 5 days
        // silence is acceptance. Antoine Girard: the convention waits for his signature.
        var edof = Assert.Single(ofAdmin, a => a.Kind == AlertKind.EdofDeadline);
        Assert.Equal("Camille Martin", edof.DisplayName);
        var authorization = Assert.Single(ofAdmin, a => a.Kind == AlertKind.WorkingTimeAuthorization);
        Assert.Equal(("Camille Martin", AlertSeverity.Upcoming), (authorization.DisplayName, authorization.Severity));
        Assert.Contains("l'accord sera réputé acquis le", authorization.FrenchMessage, StringComparison.Ordinal);
        var convention = Assert.Single(ofAdmin, a => a.Kind == AlertKind.ConventionSignature);
        Assert.Equal(("Antoine Girard", AlertSeverity.Upcoming), (convention.DisplayName, convention.Severity));
        Assert.Contains(ofAdmin, a => a.Kind == AlertKind.ComplaintToAcknowledge);
        Assert.True(ofAdmin.Select(a => a.Kind).Distinct().Count() >= 5);
        Assert.Superset(
            new HashSet<AlertKind> { AlertKind.EdofDeadline, AlertKind.WorkingTimeAuthorization, AlertKind.ConventionSignature },
            ofClaire.Select(a => a.Kind).ToHashSet());
    }
}
