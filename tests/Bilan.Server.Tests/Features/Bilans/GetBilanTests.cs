using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class GetBilanTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task GetBilan_Unknown_NotFoundInFrench()
    {
        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = $"bilans/{Guid.NewGuid()}" }));

        Assert.Equal("Ce bilan n'existe pas.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bilans/not-a-uuid")]
    [InlineData("beneficiaries/0194b2a0-0000-7000-8000-000000000000")]
    public async Task GetBilan_MalformedName_InvalidArgumentOnName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = name }));

        Assert.Equal(["name"], status.BadFields());
    }
}
