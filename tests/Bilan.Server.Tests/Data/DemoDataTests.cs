using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Server.Tests.TestSupport;
using BilanEventType = Bilan.Contracts.V1.BilanEventType;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Tests.Data;

/// <summary>What scripts/run shows a newcomer: demo bilans in many states whose histories hold together.</summary>
public sealed class DemoDataTests
{
    [Fact]
    public async Task SeedDemoData_EmptyDatabase_BilansInManyStatesWithConsistentHistories()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Bilan:SeedDemoData"] = "true" });

        var bilans = (await server.Bilans.ListBilansAsync(new ListBilansRequest { PageSize = 200 })).Bilans;

        Assert.Equal(
            [State.Requested, State.Preliminary, State.Investigation, State.Conclusion, State.Completed, State.Closed, State.Abandoned, State.Cancelled],
            bilans.Select(b => b.State).Distinct().Order());
        foreach (var bilan in bilans)
        {
            var events = (await server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
            Assert.Equal(BilanEventType.Created, events[0].Type);
            Assert.Equal(bilan.State, events[^1].NewState);
            var changes = events.Where(e => e.PreviousState != e.NewState).ToList();
            Assert.All(changes, change => Assert.Contains(
                BilanLifecycle.AllowedFrom((BilanState)change.PreviousState),
                transition => BilanLifecycle.TargetOf(transition) == (BilanState)change.NewState));
        }
    }

    [Fact]
    public async Task SeedDemoData_StartedBilans_HaveTheirConsultantAndHeldHours()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Bilan:SeedDemoData"] = "true" });

        var completed = Assert.Single((await server.Bilans.ListBilansAsync(new ListBilansRequest { Filter = "state = STATE_COMPLETED" })).Bilans);
        var interviews = (await server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = completed.Name })).Interviews;

        Assert.NotEmpty(completed.Consultant);
        Assert.True(interviews.Sum(i => i.HeldMinutes) >= 13 * 60);
        Assert.Contains(interviews, i => i.Phase == InterviewPhase.Conclusion && i.Status == InterviewStatus.Held);
    }
}
