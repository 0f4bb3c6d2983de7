using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class GetUserTests(ApiFixture fixture)
{
    private UserService.UserServiceClient Users => new(fixture.Server.Channel);

    [Fact]
    public async Task GetUser_Existing_SameAsCreated()
    {
        var created = await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $"get.{Guid.NewGuid():N}@example.org", DisplayName = "Paul Support", Role = StaffRole.Support },
            Password = "Mot-de-passe-2026",
        });

        Assert.Equal(created, await Users.GetUserAsync(new GetUserRequest { Name = created.Name }));
    }

    [Fact]
    public async Task GetUser_Unknown_NotFoundInFrench()
    {
        var name = $"users/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Users.GetUserAsync(new GetUserRequest { Name = name }));

        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal("Cet utilisateur n'existe pas.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("users/42")]
    [InlineData("consultants/0194b2a0-0000-7000-8000-000000000000")]
    public async Task GetUser_MalformedName_InvalidArgumentOnName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.GetUserAsync(new GetUserRequest { Name = name }));

        Assert.Equal(["name"], status.BadFields());
    }
}
