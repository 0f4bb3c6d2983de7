using Bilan.BackOffice.Pages;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class AlertesModelTests
{
    [Fact]
    public async Task LoadAsync_Alerts_FrenchRowsWithParisDueTimeAndComplaintAndBilanLinks()
    {
        var client = Substitute.For<AlertService.AlertServiceClient>();
        var response = new ListAlertsResponse
        {
            TotalSize = 3,
            Alerts =
            {
                new Alert
                {
                    Kind = AlertKind.ComplaintToAcknowledge, Severity = AlertSeverity.Overdue, Subject = "complaints/0193a3c4-0000-7000-8000-0000000000c1",
                    DisplayName = "Entretien reporté", DueTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 9, 23, 0, 0, TimeSpan.Zero)),
                    FrenchMessage = "Réclamation reçue le 02/11/2026 : l'accusé de réception devait partir au plus tard le 09/11/2026.",
                },
                new Alert
                {
                    Kind = AlertKind.PlannedHoursNearCap, Severity = AlertSeverity.Upcoming, Subject = "bilans/0193a3c4-0000-7000-8000-0000000000b1",
                    DisplayName = "Karim Benali", FrenchMessage = "20 h planifiées sur 24 h au plus.",
                },
            },
        };
        client.ListAlertsAsync(Arg.Any<ListAlertsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(response));

        var model = await AlertesModel.LoadAsync(client, NullLogger.Instance, CancellationToken.None);

        Assert.Null(model.ErrorMessage);
        Assert.Equal(3, model.TotalSize);
        var overdue = model.Rows[0];
        Assert.Equal(("Réclamation : accusé de réception", true, "En retard", "09/11/2026 (fin de journée)", "/Qualite/Reclamations/0193a3c4-0000-7000-8000-0000000000c1"),
            (overdue.Kind, overdue.Overdue, overdue.Severity, overdue.Due, overdue.Href));
        var upcoming = model.Rows[1];
        Assert.Equal(("Heures prévues proches du maximum de 24 h", "À venir", "—", (string?)"/Bilans/0193a3c4-0000-7000-8000-0000000000b1", "Karim Benali"),
            (upcoming.Kind, upcoming.Severity, upcoming.Due, upcoming.Href, upcoming.Label));
    }

    [Theory]
    [InlineData(AlertKind.EdofDeadline, "Échéance EDOF (CPF)")]
    [InlineData(AlertKind.ConventionSignature, "Convention tripartite : signature du salarié")]
    [InlineData(AlertKind.WorkingTimeAuthorization, "Autorisation de l'employeur (CPF sur le temps de travail)")]
    [InlineData(AlertKind.FollowUpToSchedule, "Entretien de suivi à planifier")]
    public void KindLabel_DeadlineKinds_French(AlertKind kind, string label) => Assert.Equal(label, AlerteRow.KindLabel(kind));

    [Theory]
    [InlineData("bilans/0193a3c4-0000-7000-8000-0000000000b1", "/Bilans/0193a3c4-0000-7000-8000-0000000000b1")]
    [InlineData("bilans/0193a3c4-0000-7000-8000-0000000000b1/fundings/0193a3c4-0000-7000-8000-0000000000f1", "/Bilans/0193a3c4-0000-7000-8000-0000000000b1")]
    [InlineData("bilans/0193a3c4-0000-7000-8000-0000000000b1/convention", "/Bilans/0193a3c4-0000-7000-8000-0000000000b1")]
    [InlineData("bilans/0193a3c4-0000-7000-8000-0000000000b1/workingTimeAuthorization", "/Bilans/0193a3c4-0000-7000-8000-0000000000b1")]
    [InlineData("bilans/0193a3c4-0000-7000-8000-0000000000b1/followUp", "/Bilans/0193a3c4-0000-7000-8000-0000000000b1")]
    [InlineData("complaints/0193a3c4-0000-7000-8000-0000000000c1", "/Qualite/Reclamations/0193a3c4-0000-7000-8000-0000000000c1")]
    [InlineData("bilans/pas-un-uuid", null)]
    [InlineData("autre/0193a3c4-0000-7000-8000-0000000000b1", null)]
    public void HrefOf_BilanAlertsLinkToTheBilanComplaintsToTheirPage(string subject, string? href) => Assert.Equal(href, AlerteRow.HrefOf(subject));

    [Theory]
    [InlineData("2026-11-27T23:00:00Z", "27/11/2026 (fin de journée)")] // midnight in Paris (UTC+1): the day before ends
    [InlineData("2026-07-14T22:00:00Z", "14/07/2026 (fin de journée)")] // midnight in Paris in summer (UTC+2)
    [InlineData("2026-11-30T17:48:00Z", "30/11/2026 18:48")] // an instant: its Paris day and time
    public void DueLabel_AWholeDayReadsAsThatDay_AnInstantWithItsTime(string due, string label) =>
        Assert.Equal(label, AlerteRow.DueLabel(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void KindLabel_KindNotKnownYet_StillShown() => Assert.Equal("Alerte", AlerteRow.KindLabel((AlertKind)99));

    [Fact]
    public async Task LoadAsync_ApiFails_FrenchMessageAndNoRow()
    {
        var client = Substitute.For<AlertService.AlertServiceClient>();
        client.ListAlertsAsync(Arg.Any<ListAlertsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListAlertsResponse>(new RpcException(new Status(StatusCode.Unavailable, "down"))));

        var model = await AlertesModel.LoadAsync(client, NullLogger.Instance, CancellationToken.None);

        Assert.Empty(model.Rows);
        Assert.Equal("Le service Bilan est momentanément injoignable : réessayez dans un instant.", model.ErrorMessage);
    }
}
