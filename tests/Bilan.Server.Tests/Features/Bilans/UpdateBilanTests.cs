using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class UpdateBilanTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task UpdateBilan_MaskedFields_ChangesThemAndTheEtag()
    {
        var bilan = await Server.NewBilanAsync();

        var updated = await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 18, FundingSource = FundingSource.Personal, Etag = bilan.Etag },
            UpdateMask = new FieldMask { Paths = { "planned_hours", "funding_source" } },
        });

        Assert.Equal((18, FundingSource.Personal), (updated.PlannedHours, updated.FundingSource));
        Assert.Equal(bilan.WorkingTime, updated.WorkingTime);
        Assert.NotEqual(bilan.Etag, updated.Etag);
        Assert.Equal(updated, await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name }));
    }

    [Fact]
    public async Task UpdateBilan_ClearPlannedDatesWithMask_Cleared()
    {
        var bilan = await Server.NewBilanAsync();

        var updated = await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name },
            UpdateMask = new FieldMask { Paths = { "planned_start_date", "planned_end_date" } },
        });

        Assert.Null(updated.PlannedStartDate);
        Assert.Null(updated.PlannedEndDate);
    }

    [Theory]
    [InlineData("state")]
    [InlineData("beneficiary")]
    [InlineData("consultant")]
    public async Task UpdateBilan_OutputOnlyOrImmutableField_InvalidArgumentOnUpdateMask(string path)
    {
        var bilan = await Server.NewBilanAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name, State = BilanResource.Types.State.Closed },
            UpdateMask = new FieldMask { Paths = { path } },
        }));

        Assert.Equal(["update_mask"], status.BadFields());
    }

    [Fact]
    public async Task UpdateBilan_StaleEtag_Aborted()
    {
        var bilan = await Server.NewBilanAsync();
        await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest { Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 20 } });

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 22, Etag = bilan.Etag },
        }));

        Assert.Equal("ETAG_MISMATCH", status.ErrorInfo().Reason);
        Assert.Equal(20, (await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name })).PlannedHours);
    }

    [Fact]
    public async Task UpdateBilan_ClosedBilan_FailedPreconditionNamingTheState()
    {
        var bilan = await Server.NewBilanAsync();
        await Server.Database.ScalarAsync<int>($"UPDATE bilans SET state = 7 WHERE id = '{bilan.Name["bilans/".Length..]}'");

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 20 },
        }));

        Assert.Equal("BILAN_ENDED", status.ErrorInfo().Reason);
        Assert.Equal("STATE_CLOSED", status.ErrorInfo().Metadata["state"]);
    }

    [Fact]
    public async Task UpdateBilan_WorkingTimeForAJobSeeker_FailedPrecondition()
    {
        var bilan = await Server.NewBilanAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name, WorkingTime = WorkingTime.During },
        }));

        Assert.Equal("WORKING_TIME_NEEDS_EMPLOYMENT", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task UpdateBilan_InvalidHours_InvalidArgument()
    {
        var bilan = await Server.NewBilanAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 40 },
        }));

        Assert.Equal(["bilan.planned_hours"], status.BadFields());
    }

    [Fact]
    public async Task UpdateBilan_Unknown_NotFound()
    {
        await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = $"bilans/{Guid.NewGuid()}", PlannedHours = 20 },
        }));
    }

    [Fact]
    public async Task UpdateBilan_RequestIdReusedWithOtherValues_InvalidArgument()
    {
        var bilan = await Server.NewBilanAsync();
        var requestId = Guid.NewGuid().ToString();
        await Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest { Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 20 }, RequestId = requestId });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.UpdateBilanAsync(new UpdateBilanRequest
        {
            Bilan = new BilanResource { Name = bilan.Name, PlannedHours = 21 },
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal(20, (await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name })).PlannedHours);
    }
}
