using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>The written synthesis (R6313-4 3°), which CompleteBilan needs delivered, and interview notes.</summary>
public static class ConfidentialDocuments
{
    public const string Circumstances = "Circonstances : reconversion envisagée après un accident du travail.";
    public const string SkillsAndOptions = "Compétences : gestion d'équipe, planification ; pistes : logistique, formation.";
    public const string ProjectAndSteps = "Projet : formateur en logistique ; étapes : titre professionnel, stage, candidature.";

    public static SynthesisService.SynthesisServiceClient Syntheses(this ApiServer server) => new(server.Channel);

    public static string SynthesisName(string bilanName) => $"{bilanName}/synthesis";

    /// <summary>Writes, as an administrator, the three sections a delivery needs into the draft synthesis.</summary>
    public static async Task<Synthesis> WriteSynthesisAsync(this ApiServer server, string bilanName) =>
        await server.Syntheses().UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis
            {
                Name = SynthesisName(bilanName),
                Circumstances = Circumstances,
                SkillsAndOptions = SkillsAndOptions,
                ProjectAndSteps = ProjectAndSteps,
            },
        });

    /// <summary>Writes the synthesis of a bilan in CONCLUSION and records, as an administrator, that it was handed over in person now.</summary>
    public static async Task<Synthesis> DeliverSynthesisAsync(this ApiServer server, string bilanName)
    {
        await server.WriteSynthesisAsync(bilanName);
        return await server.Syntheses().DeliverSynthesisAsync(new DeliverSynthesisRequest
        {
            Name = SynthesisName(bilanName),
            DeliverTime = Timestamp.FromDateTimeOffset(server.Clock.GetUtcNow()),
            DeliveryMethod = DeliveryMethod.InPerson,
        });
    }
}
