using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;

namespace Bilan.Domain.Tests;

public sealed class FrenchNamesTests
{
    private static readonly BilanState[] States = [.. Enum.GetValues<BilanState>().Where(s => s != BilanState.Unspecified)];

    private static readonly SituationKind[] Kinds = [.. Enum.GetValues<SituationKind>().Where(k => k != SituationKind.Unspecified)];

    [Theory]
    [InlineData(BilanState.Requested)]
    [InlineData(BilanState.Preliminary)]
    [InlineData(BilanState.Investigation)]
    [InlineData(BilanState.Conclusion)]
    [InlineData(BilanState.Completed)]
    [InlineData(BilanState.FollowUp)]
    [InlineData(BilanState.Closed)]
    [InlineData(BilanState.Abandoned)]
    [InlineData(BilanState.Cancelled)]
    public void Of_EveryState_FrenchLabelNotTheUnknownOne(BilanState state)
    {
        var label = FrenchNames.Of(state);

        Assert.False(string.IsNullOrWhiteSpace(label));
        Assert.NotEqual(FrenchNames.Of(BilanState.Unspecified), label);
    }

    // The three phases of R6313-4 carry their name from DOMAIN.md, "Vocabulary".
    [Theory]
    [InlineData(BilanState.Preliminary, "phase préliminaire")]
    [InlineData(BilanState.Investigation, "phase d'investigation")]
    [InlineData(BilanState.Conclusion, "phase de conclusion")]
    public void Of_PhaseStates_VocabularyOfTheDomain(BilanState state, string label) =>
        Assert.Equal(label, FrenchNames.Of(state));

    [Fact]
    public void Of_States_AllDistinct() =>
        Assert.Equal(States.Length, States.Select(FrenchNames.Of).Distinct().Count());

    [Theory]
    [InlineData(SituationKind.ParentalLeave, "congé parental")]
    [InlineData(SituationKind.SickLeave, "arrêt de travail")]
    [InlineData(SituationKind.TherapeuticPartTime, "mi-temps thérapeutique")]
    [InlineData(SituationKind.UnpaidLeave, "congé sans solde")]
    [InlineData(SituationKind.SabbaticalLeave, "congé sabbatique")]
    [InlineData(SituationKind.MaternityLeave, "congé maternité")]
    [InlineData(SituationKind.CarerLeave, "congé de proche aidant")]
    [InlineData(SituationKind.TransitionProject, "projet de transition professionnelle")]
    public void Of_EverySituationKind_VocabularyOfTheDomain(SituationKind kind, string label)
    {
        Assert.Equal(label, FrenchNames.Of(kind));
        Assert.NotEqual(FrenchNames.Of(SituationKind.Unspecified), label);
    }

    [Fact]
    public void Of_SituationKinds_AllDistinct() =>
        Assert.Equal(Kinds.Length, Kinds.Select(FrenchNames.Of).Distinct().Count());
}
