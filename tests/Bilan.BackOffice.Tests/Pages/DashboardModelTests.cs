using Bilan.BackOffice.Api;
using Bilan.BackOffice.Pages;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Grpc.Health.V1.HealthCheckResponse.Types;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class DashboardModelTests
{
    [Fact]
    public async Task OnGetAsync_Consultant_CountsPerStateInFrenchAndNextInterviewsInParisTime()
    {
        var summary = new SummarizeBilansResponse();
        summary.StateCounts.Add(new BilanStateCount { State = State.Requested, BilanCount = 3 });
        summary.StateCounts.Add(new BilanStateCount { State = State.Investigation, BilanCount = 1 });
        summary.UpcomingInterviews.Add(new UpcomingInterview
        {
            Interview = new Interview
            {
                Name = "bilans/b1/interviews/i1",
                Phase = InterviewPhase.Investigation,
                DurationMinutes = 90,
                StartTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 12, 3, 13, 30, 0, TimeSpan.Zero)),
            },
            Beneficiary = "beneficiaries/7",
            BeneficiaryDisplayName = "Inès Lefèvre",
        });
        var client = Summarizing(summary);
        var page = Create(client).WithUser(StaffRole.Consultant);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal([new StateCount("STATE_REQUESTED", "demandé", 3), new StateCount("STATE_INVESTIGATION", "phase d'investigation", 1)], page.StateCounts);
        Assert.True(page.ShowsUpcoming);
        Assert.Equal(new UpcomingRow("b1", "03/12/2026", "14:30", "Inès Lefèvre", "phase d'investigation", 90), Assert.Single(page.Upcoming));
        _ = client.Received(1).SummarizeBilansAsync(
            Arg.Is<SummarizeBilansRequest>(r => r.UpcomingInterviewCount == IndexModel.UpcomingCount), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_Admin_CountsWithoutNextInterviews()
    {
        var summary = new SummarizeBilansResponse();
        summary.StateCounts.Add(new BilanStateCount { State = State.Closed, BilanCount = 12 });
        summary.UpcomingInterviews.Add(new UpcomingInterview { Interview = new Interview { Name = "bilans/b1/interviews/i1" } });
        var page = Create(Summarizing(summary)).WithUser(StaffRole.Admin);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal([new StateCount("STATE_CLOSED", "clôturé", 12)], page.StateCounts);
        Assert.False(page.ShowsUpcoming);
        Assert.Empty(page.Upcoming);
    }

    [Fact]
    public async Task OnGetAsync_SummaryRefused_FrenchMessageAndHealthStillShown()
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.SummarizeBilansAsync(Arg.Any<SummarizeBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<SummarizeBilansResponse>(new RpcException(new Status(StatusCode.Unavailable, "down"))));
        var page = Create(client).WithUser(StaffRole.Consultant);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service Bilan est momentanément injoignable : réessayez dans un instant.", page.SummaryError);
        Assert.Equal("Le service est disponible.", page.Health?.Message);
        Assert.Empty(page.StateCounts);
    }

    private static BilanService.BilanServiceClient Summarizing(SummarizeBilansResponse summary)
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.SummarizeBilansAsync(Arg.Any<SummarizeBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(summary));
        return client;
    }

    private static IndexModel Create(BilanService.BilanServiceClient client) =>
        new(
            new ApiHealth(HealthCalls.Answering(ServingStatus.Serving), Options.Create(new BilanApiOptions()),
                new FakeTimeProvider(DateTimeOffset.UtcNow), NullLogger<ApiHealth>.Instance),
            client,
            NullLogger<IndexModel>.Instance);
}
