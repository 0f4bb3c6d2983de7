using Bilan.Server.Tests.TestSupport;
using Grpc.Health.V1;

namespace Bilan.Server.Tests.Features.Health;

public sealed class HealthTests
{
    [Fact]
    public async Task Check_DatabaseUpThenDropped_ServingThenNotServing()
    {
        await using var server = await ApiServer.StartAsync();

        var before = await server.Health.CheckAsync(new HealthCheckRequest());
        await server.Database.DropAsync();
        var after = await server.Health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, before.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, after.Status);
    }
}
