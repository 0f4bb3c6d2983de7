using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Organizations;

[Collection(ApiTests.Name)]
public sealed class ListApiKeysTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private OrganizationService.OrganizationServiceClient Organizations => new(Server.Channel);

    [Fact]
    public async Task ListApiKeys_Keys_NeverCarryTheirSecrets()
    {
        var organization = await Server.NewOrganizationAsync();
        var created = await Server.NewApiKeyAsync(organization.Name);

        var page = await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = organization.Name });

        var listed = Assert.Single(page.ApiKeys);
        Assert.Equal(created.ApiKey, listed);
        Assert.DoesNotContain(created.Secret, JsonFormatter.Default.Format(page), StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, page.ToByteString().ToStringUtf8(), StringComparison.Ordinal);
        Assert.StartsWith(listed.KeyPrefix, created.Secret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListApiKeys_PagedByTwo_NewestFirstEveryKeyOnceAndOnlyThisOrganizations()
    {
        var organization = await Server.NewOrganizationAsync();
        var other = await Server.NewOrganizationAsync();
        await Server.NewApiKeyAsync(other.Name, "Autre organisation");
        var created = new List<ApiKey>();
        for (var i = 1; i <= 5; i++)
        {
            created.Add((await Server.NewApiKeyAsync(organization.Name, $"Clé {i}")).ApiKey);
        }

        var seen = new List<ApiKey>();
        var token = "";
        do
        {
            var page = await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = organization.Name, PageSize = 2, PageToken = token });
            Assert.True(page.ApiKeys.Count <= 2);
            seen.AddRange(page.ApiKeys);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(created.AsEnumerable().Reverse(), seen);
    }

    [Fact]
    public async Task ListApiKeys_RevokedFilter_SplitsActiveFromRevoked()
    {
        var organization = await Server.NewOrganizationAsync();
        var kept = (await Server.NewApiKeyAsync(organization.Name, "Gardée")).ApiKey;
        var revoked = (await Server.NewApiKeyAsync(organization.Name, "Révoquée")).ApiKey;
        await Organizations.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = revoked.Name });

        var active = await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = organization.Name, Filter = "revoked = false" });
        var gone = await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = organization.Name, Filter = "revoked = true" });
        var all = await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = organization.Name });

        Assert.Equal(kept, Assert.Single(active.ApiKeys));
        Assert.Equal(revoked.Name, Assert.Single(gone.ApiKeys).Name);
        Assert.NotNull(gone.ApiKeys[0].RevokeTime);
        Assert.Equal(2, all.ApiKeys.Count);
    }

    [Theory]
    [InlineData("revoked = yes")]
    [InlineData("revoked = \"true\"")]
    [InlineData("display_name = \"x*\"")]
    public async Task ListApiKeys_BadFilter_InvalidArgumentOnFilter(string filter)
    {
        var organization = await Server.NewOrganizationAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.ListApiKeysAsync(
            new ListApiKeysRequest { Parent = organization.Name, Filter = filter }));

        Assert.Equal(["filter"], status.BadFields());
    }

    [Fact]
    public async Task ListApiKeys_TokenOfAnotherOrganization_InvalidArgumentOnPageToken()
    {
        var organization = await Server.NewOrganizationAsync();
        await Server.NewApiKeyAsync(organization.Name, "Un");
        await Server.NewApiKeyAsync(organization.Name, "Deux");
        var other = await Server.NewOrganizationAsync();
        var first = await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = organization.Name, PageSize = 1 });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.ListApiKeysAsync(
            new ListApiKeysRequest { Parent = other.Name, PageSize = 1, PageToken = first.NextPageToken }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Fact]
    public async Task ListApiKeys_UnknownOrganization_NotFound()
    {
        var status = await RpcFailure.Of(StatusCode.NotFound, () => Organizations.ListApiKeysAsync(
            new ListApiKeysRequest { Parent = $"organizations/{Guid.NewGuid()}" }));

        Assert.Equal("Cette organisation n'existe pas.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("organizations/42")]
    public async Task ListApiKeys_MalformedParent_InvalidArgumentOnParent(string parent)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = parent }));

        Assert.Equal(["parent"], status.BadFields());
    }
}
