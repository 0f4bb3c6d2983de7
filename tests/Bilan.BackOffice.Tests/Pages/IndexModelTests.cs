using Bilan.BackOffice.Api;
using Bilan.BackOffice.Pages;
using Bilan.BackOffice.Tests.TestSupport;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class IndexModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 14, 4, 5, TimeSpan.Zero);

    [Fact]
    public async Task OnGetAsync_ServiceServing_ShowsAvailableWithParisTime()
    {
        var page = Create(HealthCalls.Answering(ServingStatus.Serving));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service est disponible.", page.Health?.Message);
        Assert.Equal("ok", page.StatusModifier);
        Assert.Equal("27/11/2026 15:04:05", page.CheckedAtParis);
        Assert.Equal("2026-11-27T14:04:05Z", page.CheckedAtIso);
    }

    [Fact]
    public async Task OnGetAsync_ServiceNotServing_ShowsWarning()
    {
        var page = Create(HealthCalls.Answering(ServingStatus.NotServing));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service est indisponible : la base de données ne répond pas.", page.Health?.Message);
        Assert.Equal("warning", page.StatusModifier);
    }

    [Fact]
    public async Task OnGetAsync_ApiUnreachable_ShowsError()
    {
        var page = Create(HealthCalls.Failing(StatusCode.Unavailable));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(ApiHealthStatus.Unreachable, page.Health?.Status);
        Assert.Equal("error", page.StatusModifier);
    }

    private static IndexModel Create(Health.HealthClient client) =>
        new IndexModel(
            new ApiHealth(
                client,
                Options.Create(new BilanApiOptions()),
                new FakeTimeProvider(Now),
                NullLogger<ApiHealth>.Instance),
            ApiCalls.Listing(new Contracts.V1.ListBilansResponse()),
            ApiCalls.Alerts(),
            NullLogger<IndexModel>.Instance).WithUser(Contracts.V1.StaffRole.Admin);
}
