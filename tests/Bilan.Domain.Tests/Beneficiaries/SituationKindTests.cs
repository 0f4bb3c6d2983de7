using Bilan.Domain.Beneficiaries;

namespace Bilan.Domain.Tests.Beneficiaries;

public sealed class SituationKindTests
{
    [Theory]
    [InlineData(SituationKind.ParentalLeave, false)]
    [InlineData(SituationKind.SickLeave, false)]
    [InlineData(SituationKind.TherapeuticPartTime, false)]
    [InlineData(SituationKind.UnpaidLeave, false)]
    [InlineData(SituationKind.SabbaticalLeave, false)]
    [InlineData(SituationKind.MaternityLeave, true)]
    [InlineData(SituationKind.CarerLeave, true)]
    [InlineData(SituationKind.TransitionProject, true)]
    public void ForbidsBilan_EveryKind_OnlyMaternityCarerAndTransition(SituationKind kind, bool forbids) =>
        Assert.Equal(forbids, kind.ForbidsBilan());
}
