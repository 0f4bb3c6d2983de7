using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Consultants;

[Collection(ApiTests.Name)]
public sealed class GetConsultantTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private ConsultantService.ConsultantServiceClient Consultants => new(Server.Channel);

    [Fact]
    public async Task GetConsultant_Unknown_NotFoundNamingIt()
    {
        var name = $"consultants/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Consultants.GetConsultantAsync(new GetConsultantRequest { Name = name }));

        Assert.Equal("RESOURCE_NOT_FOUND", status.ErrorInfo().Reason);
        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal(name, status.GetDetail<ResourceInfo>()!.ResourceName);
        Assert.Equal("consultants", status.GetDetail<ResourceInfo>()!.ResourceType);
        Assert.Equal("Ce consultant n'existe pas.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("consultants/42")]
    [InlineData("Consultants/0194b2a0-0000-7000-8000-000000000000")]
    [InlineData("consultants/0194B2A0-0000-7000-8000-000000000000")]
    [InlineData("beneficiaries/0194b2a0-0000-7000-8000-000000000000")]
    public async Task GetConsultant_MalformedName_InvalidArgumentOnName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.GetConsultantAsync(new GetConsultantRequest { Name = name }));

        Assert.Equal(["name"], status.BadFields());
    }
}
