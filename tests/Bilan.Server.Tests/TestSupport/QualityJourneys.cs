using Bilan.Contracts.V1;
using BilanResource = Bilan.Contracts.V1.Bilan;
using Date = Google.Type.Date;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>Bilans taken to their end, and the quality calls on them.</summary>
public static class QualityJourneys
{
    public static QualityService.QualityServiceClient Quality(this ApiServer server) => new(server.Channel);

    public static AlertService.AlertServiceClient AlertsClient(this ApiServer server) => new(server.Channel);

    public static Date DateOf(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    public static DateOnly Today(this ApiServer server) => Domain.FrenchCalendar.DateOf(server.Clock.GetUtcNow());

    /// <summary>
    /// Takes an assigned bilan to CONCLUSION, holds a 4-hour conclusion interview (13 hours in all) and delivers the
    /// synthesis, so that only CompleteBilan is left; the clock ends about four days later.
    /// </summary>
    public static async Task<BilanResource> ReadyToCompleteAsync(this ApiServer server, BilanResource bilan)
    {
        await server.ToConclusionAsync(bilan);
        await server.HoldAsync(await server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 240, 1));
        await server.DeliverSynthesisAsync(bilan.Name);
        return bilan;
    }

    /// <summary>A new bilan completed now (after about four days of clock).</summary>
    public static async Task<BilanResource> NewCompletedBilanAsync(this ApiServer server)
    {
        var bilan = await server.ReadyToCompleteAsync(await server.NewAssignedBilanAsync());
        return await server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
    }

    /// <summary>A new bilan started (a 2-hour preliminary interview held the next day), left in PRELIMINARY.</summary>
    public static async Task<BilanResource> NewStartedBilanAsync(this ApiServer server)
    {
        var bilan = await server.NewAssignedBilanAsync();
        await server.HoldAsync(await server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 120, 1));
        return await server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
    }

    /// <summary>A new bilan started then abandoned by the beneficiary now.</summary>
    public static async Task<BilanResource> NewAbandonedBilanAsync(this ApiServer server)
    {
        var bilan = await server.NewStartedBilanAsync();
        return await server.Bilans.AbandonBilanAsync(new AbandonBilanRequest { Name = bilan.Name, Reason = AbandonReason.Personal });
    }

    /// <summary>Records, as an administrator, a survey answered today with <paramref name="overall"/>.</summary>
    public static async Task<SatisfactionSurvey> RecordSurveyAsync(this ApiServer server, string bilanName, int overall, string comments = "") =>
        await server.Quality().RecordSatisfactionSurveyAsync(new RecordSatisfactionSurveyRequest
        {
            Parent = bilanName,
            Survey = new SatisfactionSurvey { OverallScore = overall, Comments = comments, AnswerDate = DateOf(server.Today()) },
        });

    /// <summary>A complaint received on <paramref name="received"/> (today by default), about <paramref name="bilanName"/> if given.</summary>
    public static async Task<Complaint> NewComplaintAsync(this ApiServer server, DateOnly? received = null, string bilanName = "", string subject = "Entretien reporté") =>
        await server.Quality().CreateComplaintAsync(new CreateComplaintRequest
        {
            Complaint = new Complaint
            {
                ReceivedDate = DateOf(received ?? server.Today()),
                Channel = ComplaintChannel.Email,
                Complainant = Complainant.Beneficiary,
                Bilan = bilanName,
                Subject = subject,
                Description = "L'entretien du mardi a été reporté trois fois sans explication.",
            },
        });
}
