using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Organizations;

[Collection(ApiTests.Name)]
public sealed class RevokeApiKeyTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private OrganizationService.OrganizationServiceClient Organizations => new(Server.Channel);

    [Fact]
    public async Task RevokeApiKey_ActiveKey_RevokedNowWithANewEtag()
    {
        var key = await NewKeyAsync();
        var before = Server.Clock.GetUtcNow();

        var revoked = await Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.Name, Etag = key.Etag });

        Assert.NotNull(revoked.RevokeTime);
        Assert.True(revoked.RevokeTime.ToDateTimeOffset() >= before);
        Assert.NotEqual(key.Etag, revoked.Etag);
        var expected = key.Clone();
        expected.RevokeTime = revoked.RevokeTime;
        expected.Etag = revoked.Etag;
        Assert.Equal(expected, revoked);
        Assert.Equal(revoked, await ListedAsync(key));
    }

    [Fact]
    public async Task RevokeApiKey_AlreadyRevoked_AnsweredUnchangedEvenWithTheOldEtag()
    {
        var key = await NewKeyAsync();
        var revoked = await Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.Name });
        Server.Clock.Advance(TimeSpan.FromHours(1));

        var again = await Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.Name });
        var withOldEtag = await Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.Name, Etag = key.Etag });

        Assert.Equal(revoked, again);
        Assert.Equal(revoked, withOldEtag);
        Assert.Equal(revoked, await ListedAsync(key));
    }

    [Fact]
    public async Task RevokeApiKey_ActiveKeyWithAnEtagNotItsOwn_AbortedAndStillActive()
    {
        var key = await NewKeyAsync();

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Organizations.RevokeApiKeyAsync(
            new RevokeApiKeyRequest { Name = key.Name, Etag = "999" }));

        Assert.Equal("ETAG_MISMATCH", status.ErrorInfo().Reason);
        Assert.Equal(key.Name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Null((await ListedAsync(key)).RevokeTime);
    }

    [Fact]
    public async Task RevokeApiKey_SameRequestIdTwice_FirstAnswerAgain()
    {
        var key = await NewKeyAsync();
        var request = new RevokeApiKeyRequest { Name = key.Name, RequestId = Guid.NewGuid().ToString() };

        var first = await Organizations.RevokeApiKeyAsync(request);
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await Organizations.RevokeApiKeyAsync(request);

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task RevokeApiKey_RequestIdReusedForAnotherKey_InvalidArgumentAndThatKeyStillActive()
    {
        var first = await NewKeyAsync();
        var second = await NewKeyAsync();
        var requestId = Guid.NewGuid().ToString();
        await Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = first.Name, RequestId = requestId });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.RevokeApiKeyAsync(
            new RevokeApiKeyRequest { Name = second.Name, RequestId = requestId }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Null((await ListedAsync(second)).RevokeTime);
    }

    [Fact]
    public async Task RevokeApiKey_Unknown_NotFound()
    {
        var organization = await Server.NewOrganizationAsync();
        var name = $"{organization.Name}/apiKeys/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = name }));

        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal("Cette clé d'API n'existe pas.", status.FrenchMessage());
    }

    [Fact]
    public async Task RevokeApiKey_KeyNamedUnderAnotherOrganization_NotFoundAndStillActive()
    {
        var key = await NewKeyAsync();
        var other = await Server.NewOrganizationAsync();
        var wrongName = $"{other.Name}/apiKeys/{key.Name[^36..]}";

        await RpcFailure.Of(StatusCode.NotFound, () => Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = wrongName }));

        Assert.Null((await ListedAsync(key)).RevokeTime);
    }

    [Theory]
    [InlineData("")]
    [InlineData("organizations/0194b2a0-0000-7000-8000-000000000000")]
    [InlineData("organizations/0194b2a0-0000-7000-8000-000000000000/apiKeys/42")]
    [InlineData("organizations/42/apiKeys/0194b2a0-0000-7000-8000-000000000000")]
    [InlineData("organizations/0194b2a0-0000-7000-8000-000000000000/apikeys/0194b2a0-0000-7000-8000-000000000000")]
    [InlineData("organizations/0194b2a0-0000-7000-8000-000000000000/apiKeys/0194B2A0-0000-7000-8000-000000000000")]
    [InlineData("organizations/0194b2a0-0000-7000-8000-000000000000/apiKeys/0194b2a0-0000-7000-8000-000000000000/x")]
    public async Task RevokeApiKey_MalformedName_InvalidArgumentOnName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = name }));

        Assert.Equal(["name"], status.BadFields());
    }

    private async Task<ApiKey> NewKeyAsync()
    {
        var organization = await Server.NewOrganizationAsync();
        return (await Server.NewApiKeyAsync(organization.Name)).ApiKey;
    }

    private async Task<ApiKey> ListedAsync(ApiKey key)
    {
        var parent = key.Name[..key.Name.IndexOf("/apiKeys/", StringComparison.Ordinal)];
        var page = await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = parent });
        return Assert.Single(page.ApiKeys, listed => listed.Name == key.Name);
    }
}
