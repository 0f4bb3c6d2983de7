using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.Features.Retention;

/// <summary>A bilan taken to its end with a written synthesis and interview notes, as the retention tests need it.</summary>
internal static class RetentionJourneys
{
    public const string Circumstances = "Reconversion souhaitée après quinze ans en logistique.";

    public const string Notes = "Entretien : doute sur la mobilité géographique, piste du métier de formateur.";

    public static SynthesisService.SynthesisServiceClient Syntheses(this ApiServer server) => new(server.Channel);

    public static string SynthesisName(string bilanName) => $"{bilanName}/synthesis";

    /// <summary>
    /// A new bilan of a new person (<paramref name="beneficiary"/>), consented (with or without the written agreement
    /// to keep documents), in CONCLUSION with a held conclusion interview carrying notes and a written synthesis.
    /// </summary>
    public static async Task<(BilanResource Bilan, Interview Conclusion)> InConclusionWithDocumentsAsync(
        this ApiServer server, Beneficiary beneficiary, bool keepDocumentsForFollowUp = false)
    {
        var person = await server.Beneficiaries.CreateAsync(beneficiary);
        var bilan = await server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(person.Name) });
        var consultant = await server.NewConsultantAsync();
        bilan = await server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        await server.RecordConsentAsync(bilan.Name, keepDocumentsForFollowUp);
        await server.HoldAsync(await server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 180, 1));
        await server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        await server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
        await server.HoldAsync(await server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 360, 2));
        bilan = await server.Bilans.StartConclusionAsync(new StartConclusionRequest { Name = bilan.Name });
        var conclusion = await server.HoldAsync(await server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 240, 3));
        await server.Syntheses().UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = $"{conclusion.Name}/notes", Text = Notes },
        });
        await server.Syntheses().UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis
            {
                Name = SynthesisName(bilan.Name),
                Circumstances = Circumstances,
                SkillsAndOptions = "Animation d'équipe, pédagogie ; options : formateur, chef d'équipe.",
                ProjectAndSteps = "Titre professionnel de formateur, stage en 2027.",
            },
        });
        return (bilan, conclusion);
    }

    /// <summary>Delivers the synthesis, then completes and closes the bilan.</summary>
    public static async Task<BilanResource> DeliverCompleteAndCloseAsync(this ApiServer server, BilanResource bilan)
    {
        await server.Syntheses().DeliverSynthesisAsync(new DeliverSynthesisRequest
        {
            Name = SynthesisName(bilan.Name),
            DeliverTime = Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow()),
            DeliveryMethod = DeliveryMethod.InPerson,
        });
        await server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        // CloseBilan needs the follow-up interview held or declined (R6313-4 3°): here the beneficiary declines it.
        return await server.DeclineAndCloseAsync(bilan.Name);
    }

    /// <summary>The beneficiary's agreement to send the synthesis to their CEP operator.</summary>
    public static async Task SendToCepOperatorAsync(this ApiServer server, string bilanName)
    {
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        await server.ConsentsClient().RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest
        {
            Parent = bilanName,
            DisclosureConsent = new DisclosureConsent
            {
                CepOperator = "Apec Auvergne-Rhône-Alpes",
                Scope = DisclosureScope.Synthesis,
                Evidence = "Formulaire signé remis en entretien",
                ConsentDate = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
            },
        });
    }

    public static async Task<IReadOnlyList<BilanEvent>> EventsAsync(this ApiServer server, string bilanName) =>
        (await server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilanName, PageSize = 200 })).Events;
}
