using Bilan.Contracts.V1;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>
/// The start and close conditions of issue 7: the tripartite convention (R6313-8), the employer's authorisation of a
/// CPF bilan on working time (D6323-4), the follow-up interview (R6313-4 3°).
/// </summary>
public static class StartConditions
{
    public static ConventionService.ConventionServiceClient ConventionsClient(this ApiServer server) => new(server.Channel);

    public static WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient AuthorizationsClient(this ApiServer server) => new(server.Channel);

    public static FollowUpService.FollowUpServiceClient FollowUpsClient(this ApiServer server) => new(server.Channel);

    /// <summary>The test clock's day (UTC, which is the Paris day at the tests' times), shifted by <paramref name="days"/>.</summary>
    public static Google.Type.Date Day(this ApiServer server, int days = 0)
    {
        var day = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime).AddDays(days);
        return new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day };
    }

    /// <summary>A convention with every mandatory item of R6313-8.</summary>
    public static Convention CompleteConvention(string bilanName) => new()
    {
        Name = $"{bilanName}/convention",
        Title = "Bilan de compétences",
        ObjectiveAndContent = "Analyser les compétences et construire un projet professionnel.",
        Means = "Entretiens individuels, tests, documentation métiers.",
        DurationHours = 24,
        PeriodStart = new Google.Type.Date { Year = 2027, Month = 1, Day = 11 },
        PeriodEnd = new Google.Type.Date { Year = 2027, Month = 4, Day = 30 },
        ConductAndFollowUp = "Trois phases ; entretien de suivi à six mois.",
        ResultsHandover = "Synthèse remise au seul bénéficiaire.",
        PriceEuros = 1850.5,
        PaymentTerms = "À réception de facture, à 30 jours.",
    };

    /// <summary>Drafts the convention, sends it (received today), and has the three parties sign it today.</summary>
    public static async Task<Convention> SignedConventionAsync(this ApiServer server, string bilanName)
    {
        var conventions = server.ConventionsClient();
        var name = $"{bilanName}/convention";
        await conventions.UpdateConventionAsync(new UpdateConventionRequest { Convention = CompleteConvention(bilanName) });
        await conventions.SendConventionAsync(new SendConventionRequest { Name = name, SentDate = server.Day(), ReceivedDate = server.Day() });
        Convention signed = null!;
        foreach (var party in new[] { ConventionParty.Employer, ConventionParty.Provider, ConventionParty.Employee })
        {
            signed = await conventions.SignConventionAsync(new SignConventionRequest { Name = name, Party = party, SignedDate = server.Day() });
        }

        return signed;
    }

    /// <summary>Records, today, that the beneficiary declined the follow-up interview.</summary>
    public static async Task<FollowUp> DeclineFollowUpAsync(this ApiServer server, string bilanName) =>
        await server.FollowUpsClient().DeclineFollowUpAsync(new DeclineFollowUpRequest { Name = $"{bilanName}/followUp", DeclinedDate = server.Day() });

    /// <summary>A completed bilan whose beneficiary declines the follow-up, then closed.</summary>
    public static async Task<BilanResource> DeclineAndCloseAsync(this ApiServer server, string bilanName)
    {
        await server.DeclineFollowUpAsync(bilanName);
        return await server.Bilans.CloseBilanAsync(new CloseBilanRequest { Name = bilanName });
    }
}

/// <summary>Bilans of employees, for the conditions that depend on funding and working time.</summary>
public static class EmployeeBilans
{
    /// <summary>
    /// A new bilan of a new employee, with a new consultant assigned and the consent recorded, funded by
    /// <paramref name="funding"/> on <paramref name="workingTime"/>, planned to start in <paramref name="startInDays"/> days (assigned to <paramref name="consultant"/> when given).
    /// </summary>
    public static async Task<BilanResource> NewEmployeeBilanAsync(
        this ApiServer server, FundingSource funding, WorkingTime workingTime, int startInDays = 90, Consultant? consultant = null)
    {
        var beneficiary = await server.Beneficiaries.CreateAsync(Requests.Employee());
        var request = Requests.Bilan(beneficiary.Name);
        request.FundingSource = funding;
        request.WorkingTime = workingTime;
        request.PlannedStartDate = server.Day(startInDays);
        request.PlannedEndDate = server.Day(startInDays + 90);
        var bilan = await server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = request });
        consultant ??= await server.NewConsultantAsync();
        bilan = await server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        await server.RecordConsentAsync(bilan.Name);
        return bilan;
    }
}
