using Bilan.Server.Data;
using Bilan.Server.Tests.TestSupport;

namespace Bilan.Server.Tests.Data;

/// <summary>The idempotency log forgets requests once their retry window has passed, and only those.</summary>
[Collection(ApiTests.Name)]
public sealed class RequestLogPurgeTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Purge_RequestsOlderThanTheRetryWindow_DeletedAndRecentOnesKept()
    {
        var now = Server.Clock.GetUtcNow();
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        await Server.Database.ScalarAsync<int>($"""
            INSERT INTO request_log (request_id, method, request_hash, response, create_time) VALUES
              ('{old}', 'CreateBilan', '\x00', '\x00', '{now.AddDays(-8):O}'),
              ('{recent}', 'CreateBilan', '\x00', '\x00', '{now.AddDays(-6):O}')
            """);

        await Server.Service<IdempotentRequests>().PurgeAsync(CancellationToken.None);

        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM request_log WHERE request_id = '{old}'"));
        Assert.Equal(1L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM request_log WHERE request_id = '{recent}'"));
    }
}
