using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Organizations;

[Collection(ApiTests.Name)]
public sealed class GetOrganizationTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private OrganizationService.OrganizationServiceClient Organizations => new(Server.Channel);

    [Fact]
    public async Task GetOrganization_Existing_ReturnsWhatCreateAnswered()
    {
        var created = await Server.NewOrganizationAsync("Mairie de Lyon");

        var read = await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = created.Name });

        Assert.Equal(created, read);
    }

    [Fact]
    public async Task GetOrganization_Unknown_NotFoundNamingIt()
    {
        var name = $"organizations/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = name }));

        Assert.Equal("RESOURCE_NOT_FOUND", status.ErrorInfo().Reason);
        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal("organizations", status.GetDetail<ResourceInfo>()!.ResourceType);
        Assert.Equal("Cette organisation n'existe pas.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("organizations/42")]
    [InlineData("Organizations/0194b2a0-0000-7000-8000-000000000000")]
    [InlineData("organizations/0194B2A0-0000-7000-8000-000000000000")]
    [InlineData("consultants/0194b2a0-0000-7000-8000-000000000000")]
    public async Task GetOrganization_MalformedName_InvalidArgumentOnName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = name }));

        Assert.Equal(["name"], status.BadFields());
    }
}
