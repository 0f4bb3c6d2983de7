using Bilan.Domain.Bilans;
using Bilan.Domain.Interviews;

namespace Bilan.Domain.Tests;

/// <summary>The words of the back-office's bilan pages: every value has its own French label.</summary>
public sealed class FrenchNamesOfBilanLifeTests
{
    [Fact]
    public void Of_EveryEventType_OwnDistinctLabelNotTheFallback()
    {
        var types = Enum.GetValues<BilanEventType>().Where(t => t != BilanEventType.Unspecified).ToList();
        var labels = types.Select(FrenchNames.Of).ToList();

        Assert.DoesNotContain(FrenchNames.Of(BilanEventType.Unspecified), labels);
        Assert.Equal(types.Count, labels.Distinct().Count());
    }

    [Fact]
    public void Of_EveryTransition_OwnDistinctButtonLabel()
    {
        var labels = Enum.GetValues<BilanTransition>().Select(FrenchNames.Of).ToList();

        Assert.DoesNotContain("Action inconnue", labels);
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Theory]
    [InlineData(BilanEventType.InterviewHeld, "Entretien réalisé")]
    [InlineData(BilanEventType.Started, "Bilan démarré : phase préliminaire")]
    [InlineData(BilanEventType.SynthesisDelivered, "Synthèse remise au bénéficiaire")]
    [InlineData((BilanEventType)999, "Événement")]
    public void Of_EventType_ReadsAsStaffSayIt(BilanEventType type, string label) =>
        Assert.Equal(label, FrenchNames.Of(type));

    [Fact]
    public void Of_EveryPlanValue_Labelled()
    {
        Assert.All(Enum.GetValues<FundingSource>().Skip(1), s => Assert.NotEqual("non renseigné", FrenchNames.Of(s)));
        Assert.All(Enum.GetValues<WorkingTime>().Skip(1), w => Assert.NotEqual("non renseigné", FrenchNames.Of(w)));
        Assert.All(Enum.GetValues<AbandonReason>().Skip(1), r => Assert.NotEqual("non renseignée", FrenchNames.Of(r)));
        Assert.All(Enum.GetValues<InterviewPhase>().Skip(1), p => Assert.NotEqual("phase inconnue", FrenchNames.Of(p)));
        Assert.All(Enum.GetValues<InterviewStatus>().Skip(1), s => Assert.NotEqual("inconnu", FrenchNames.Of(s)));
        Assert.All(Enum.GetValues<InterviewMode>().Skip(1), m => Assert.NotEqual("non renseigné", FrenchNames.Of(m)));
    }
}
