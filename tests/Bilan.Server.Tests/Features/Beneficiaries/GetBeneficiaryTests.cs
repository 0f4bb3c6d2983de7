using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Beneficiaries;

[Collection(ApiTests.Name)]
public sealed class GetBeneficiaryTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task GetBeneficiary_Unknown_NotFoundNamingIt()
    {
        var name = $"beneficiaries/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = name }));

        Assert.Equal("RESOURCE_NOT_FOUND", status.ErrorInfo().Reason);
        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal(name, status.GetDetail<ResourceInfo>()!.ResourceName);
        Assert.Equal("Ce bénéficiaire n'existe pas.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("beneficiaries/42")]
    [InlineData("bilans/0194b2a0-0000-7000-8000-000000000000")]
    public async Task GetBeneficiary_MalformedName_InvalidArgumentOnName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = name }));

        Assert.Equal(["name"], status.BadFields());
    }
}
