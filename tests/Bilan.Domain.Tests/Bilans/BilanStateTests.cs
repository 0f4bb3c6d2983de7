using Bilan.Domain.Bilans;

namespace Bilan.Domain.Tests.Bilans;

public sealed class BilanStateTests
{
    [Theory]
    [InlineData(BilanState.Requested, false)]
    [InlineData(BilanState.Preliminary, false)]
    [InlineData(BilanState.Investigation, false)]
    [InlineData(BilanState.Conclusion, false)]
    [InlineData(BilanState.Completed, false)]
    [InlineData(BilanState.FollowUp, false)]
    [InlineData(BilanState.Closed, true)]
    [InlineData(BilanState.Abandoned, true)]
    [InlineData(BilanState.Cancelled, true)]
    public void IsFinal_EveryState_OnlyClosedAbandonedCancelled(BilanState state, bool final) =>
        Assert.Equal(final, state.IsFinal());

    [Theory]
    [InlineData(BilanState.Requested, false)]
    [InlineData(BilanState.Preliminary, true)]
    [InlineData(BilanState.Investigation, true)]
    [InlineData(BilanState.Conclusion, true)]
    [InlineData(BilanState.Completed, true)]
    [InlineData(BilanState.FollowUp, true)]
    [InlineData(BilanState.Closed, true)]
    [InlineData(BilanState.Abandoned, true)]
    [InlineData(BilanState.Cancelled, false)]
    public void HasStarted_EveryState_AllButRequestedAndCancelled(BilanState state, bool started) =>
        Assert.Equal(started, state.HasStarted());
}
