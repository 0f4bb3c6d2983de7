using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class SummarizeBilansTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task SummarizeBilans_AsConsultant_CountsOnlyTheirBilansEveryStateInLifeOrder()
    {
        var (consultant, client) = await ConsultantClientAsync();
        var started = await Server.NewAssignedBilanAsync(consultant);
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = started.Name });
        await Server.NewAssignedBilanAsync(consultant);
        await Server.NewAssignedBilanAsync(consultant);
        await Server.NewAssignedBilanAsync();

        var summary = await client.SummarizeBilansAsync(new SummarizeBilansRequest());

        Assert.Equal(
            [State.Requested, State.Preliminary, State.Investigation, State.Conclusion, State.Completed, State.FollowUp, State.Closed, State.Abandoned, State.Cancelled],
            summary.StateCounts.Select(c => c.State));
        Assert.Equal([2, 1, 0, 0, 0, 0, 0, 0, 0], summary.StateCounts.Select(c => c.BilanCount));
    }

    [Fact]
    public async Task SummarizeBilans_AsAdmin_CountsEveryBilan()
    {
        var before = await Server.Bilans.SummarizeBilansAsync(new SummarizeBilansRequest());
        var cancelled = await Server.NewBilanAsync();
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = cancelled.Name });
        await Server.NewBilanAsync();

        var after = await Server.Bilans.SummarizeBilansAsync(new SummarizeBilansRequest());

        Assert.Equal(Count(before, State.Requested) + 1, Count(after, State.Requested));
        Assert.Equal(Count(before, State.Cancelled) + 1, Count(after, State.Cancelled));
    }

    [Fact]
    public async Task SummarizeBilans_UpcomingInterviews_OnlyScheduledFutureOnesOfTheCallerSoonestFirstWithBeneficiaryName()
    {
        var (consultant, client) = await ConsultantClientAsync();
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker("Lefèvre", "Inès"));
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
        await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        var past = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 1);
        var later = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 120, 9);
        var sooner = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 90, 4);
        var cancelled = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 60, 6);
        await Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = cancelled.Name });
        var someoneElses = await Server.NewAssignedBilanAsync();
        await Server.ScheduleAsync(someoneElses.Name, InterviewPhase.Preliminary, 60, 5);
        Server.Clock.SetUtcNow(past.StartTime.ToDateTimeOffset().AddMinutes(1));

        var summary = await client.SummarizeBilansAsync(new SummarizeBilansRequest());

        Assert.Equal([sooner.Name, later.Name], summary.UpcomingInterviews.Select(u => u.Interview.Name));
        var first = summary.UpcomingInterviews[0];
        Assert.Equal((beneficiary.Name, "Inès Lefèvre"), (first.Beneficiary, first.BeneficiaryDisplayName));
        Assert.Equal((InterviewPhase.Preliminary, 90, InterviewStatus.Scheduled), (first.Interview.Phase, first.Interview.DurationMinutes, first.Interview.Status));

        var one = await client.SummarizeBilansAsync(new SummarizeBilansRequest { UpcomingInterviewCount = 1 });
        Assert.Equal([sooner.Name], one.UpcomingInterviews.Select(u => u.Interview.Name));
    }

    [Fact]
    public async Task SummarizeBilans_NegativeCount_InvalidArgumentOnTheField()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument,
            () => Server.Bilans.SummarizeBilansAsync(new SummarizeBilansRequest { UpcomingInterviewCount = -1 }));

        Assert.Equal(["upcoming_interview_count"], status.BadFields());
    }

    private static int Count(SummarizeBilansResponse summary, State state) =>
        summary.StateCounts.Single(c => c.State == state).BilanCount;

    private async Task<(Consultant Consultant, BilanService.BilanServiceClient Client)> ConsultantClientAsync()
    {
        var consultant = await Server.NewConsultantAsync("Nadia Haddad");
        var email = $"nadia.{Guid.NewGuid():N}@example.org";
        await TestUsers.InsertAsync(Server.Database, email, "Nadia-password-2026", "Nadia Haddad", Auth.StaffRole.Consultant,
            Guid.Parse(consultant.Name["consultants/".Length..]));
        return (consultant, new BilanService.BilanServiceClient(Server.ChannelAs(email, "Nadia-password-2026")));
    }
}
