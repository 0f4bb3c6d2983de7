using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class DeleteBilanTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task DeleteBilan_Requested_GoneAfterwards()
    {
        var bilan = await Server.NewBilanAsync();

        await Server.Bilans.DeleteBilanAsync(new DeleteBilanRequest { Name = bilan.Name, Etag = bilan.Etag });

        await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name }));
    }

    [Theory]
    [InlineData(2, "STATE_PRELIMINARY")]
    [InlineData(5, "STATE_COMPLETED")]
    [InlineData(8, "STATE_ABANDONED")]
    public async Task DeleteBilan_Started_FailedPreconditionAndKept(int state, string stateName)
    {
        var bilan = await Server.NewBilanAsync();
        await Server.Database.ScalarAsync<int>($"UPDATE bilans SET state = {state} WHERE id = '{bilan.Name["bilans/".Length..]}'");

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.DeleteBilanAsync(new DeleteBilanRequest { Name = bilan.Name }));

        Assert.Equal("BILAN_ALREADY_STARTED", status.ErrorInfo().Reason);
        Assert.Equal(stateName, status.ErrorInfo().Metadata["state"]);
        Assert.Equal(bilan.Name, (await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name })).Name);
    }

    [Fact]
    public async Task DeleteBilan_StaleEtag_AbortedAndKept()
    {
        var bilan = await Server.NewBilanAsync();
        await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest { Bilan = new Contracts.V1.Bilan { Name = bilan.Name, PlannedHours = 20 } });

        await RpcFailure.Of(StatusCode.Aborted, () => Server.Bilans.DeleteBilanAsync(new DeleteBilanRequest { Name = bilan.Name, Etag = bilan.Etag }));

        Assert.Equal(bilan.Name, (await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name })).Name);
    }

    [Fact]
    public async Task DeleteBilan_RetriedWithSameRequestId_SucceedsAgain()
    {
        var bilan = await Server.NewBilanAsync();
        var request = new DeleteBilanRequest { Name = bilan.Name, RequestId = Guid.NewGuid().ToString() };

        await Server.Bilans.DeleteBilanAsync(request);
        await Server.Bilans.DeleteBilanAsync(request);

        await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name }));
    }

    [Fact]
    public async Task DeleteBilan_Unknown_NotFound()
    {
        await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.DeleteBilanAsync(new DeleteBilanRequest { Name = $"bilans/{Guid.NewGuid()}" }));
    }
}
