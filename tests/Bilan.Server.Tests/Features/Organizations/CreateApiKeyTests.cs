using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Organizations;

[Collection(ApiTests.Name)]
public sealed class CreateApiKeyTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private OrganizationService.OrganizationServiceClient Organizations => new(Server.Channel);

    [Fact]
    public async Task CreateApiKey_Valid_ReturnsTheKeyAndItsSecretOnce()
    {
        var organization = await Server.NewOrganizationAsync();

        var response = await Organizations.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = organization.Name,
            ApiKey = new ApiKey { DisplayName = "  SIRH Valence ", KeyPrefix = "chosen", Etag = "7" },
        });

        var key = response.ApiKey;
        Assert.Matches($"^{organization.Name}/apiKeys/[0-9a-f-]{{36}}$", key.Name);
        Assert.Equal("SIRH Valence", key.DisplayName);
        Assert.Matches("^bk_[A-Za-z0-9_-]{43}$", response.Secret);
        Assert.Equal(response.Secret[..10], key.KeyPrefix);
        Assert.NotNull(key.CreateTime);
        Assert.Null(key.LastUsedTime);
        Assert.Null(key.RevokeTime);
        Assert.NotEmpty(key.Etag);
        Assert.Equal(key, Assert.Single((await ListAsync(organization.Name)).ApiKeys));
    }

    [Fact]
    public async Task CreateApiKey_TwoKeys_DifferentSecretsAndPrefixes()
    {
        var organization = await Server.NewOrganizationAsync();

        var first = await Server.NewApiKeyAsync(organization.Name, "Production");
        var second = await Server.NewApiKeyAsync(organization.Name, "Recette");

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.NotEqual(first.ApiKey.KeyPrefix, second.ApiKey.KeyPrefix);
        Assert.Equal(2, (await ListAsync(organization.Name)).ApiKeys.Count);
    }

    [Fact]
    public async Task CreateApiKey_WithRequestId_SecretStoredNowhereOnlyItsHash()
    {
        var organization = await Server.NewOrganizationAsync();

        var response = await Organizations.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = organization.Name,
            ApiKey = new ApiKey { DisplayName = "SIRH Valence" },
            RequestId = Guid.NewGuid().ToString(),
        });

        Assert.Equal(0L, await CountRowsHoldingAsync("api_keys", response.Secret));
        Assert.Equal(0L, await CountRowsHoldingAsync("organizations", response.Secret));
        Assert.Equal(0L, await CountRequestLogResponsesHoldingAsync(response.Secret));
        // The same queries do find what is stored: the prefix, in the key's row and in the recorded answer.
        Assert.Equal(1L, await CountRowsHoldingAsync("api_keys", response.ApiKey.KeyPrefix));
        Assert.Equal(1L, await CountRequestLogResponsesHoldingAsync(response.ApiKey.KeyPrefix));
        Assert.Equal(1L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM api_keys WHERE key_hash = sha256(convert_to('{response.Secret}', 'UTF8'))"));
    }

    [Fact]
    public async Task CreateApiKey_SameRequestIdTwice_NoSecondKeyAndNoSecretInTheRetry()
    {
        var organization = await Server.NewOrganizationAsync();
        var request = new CreateApiKeyRequest
        {
            Parent = organization.Name,
            ApiKey = new ApiKey { DisplayName = "SIRH Valence" },
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Organizations.CreateApiKeyAsync(request);
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await Organizations.CreateApiKeyAsync(request);

        Assert.NotEmpty(first.Secret);
        Assert.Equal(first.ApiKey, retry.ApiKey);
        Assert.Equal("", retry.Secret);
        Assert.Equal(first.ApiKey, Assert.Single((await ListAsync(organization.Name)).ApiKeys));
        Assert.Equal(0L, await CountRequestLogResponsesHoldingAsync(first.Secret));
    }

    [Fact]
    public async Task CreateApiKey_RequestIdReusedForAnotherRequest_InvalidArgumentAndNoKey()
    {
        var organization = await Server.NewOrganizationAsync();
        var requestId = Guid.NewGuid().ToString();
        await Organizations.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = organization.Name,
            ApiKey = new ApiKey { DisplayName = "Production" },
            RequestId = requestId,
        });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = organization.Name,
            ApiKey = new ApiKey { DisplayName = "Recette" },
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal("Production", Assert.Single((await ListAsync(organization.Name)).ApiKeys).DisplayName);
    }

    [Fact]
    public async Task CreateApiKey_EveryFieldBad_InvalidArgumentNamingEveryOne()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = "organizations/42",
            ApiKey = new ApiKey { DisplayName = new string('x', 201) },
        }));

        Assert.Equal(["parent", "api_key.display_name"], status.BadFields());
    }

    [Fact]
    public async Task CreateApiKey_NothingGiven_ParentAndKeyRequired()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateApiKeyAsync(new CreateApiKeyRequest()));

        Assert.Equal(["parent", "api_key"], status.BadFields());
    }

    [Fact]
    public async Task CreateApiKey_BlankDisplayName_Required()
    {
        var organization = await Server.NewOrganizationAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = organization.Name,
            ApiKey = new ApiKey { DisplayName = "  " },
        }));

        Assert.Equal(["api_key.display_name"], status.BadFields());
        Assert.Empty((await ListAsync(organization.Name)).ApiKeys);
    }

    [Fact]
    public async Task CreateApiKey_UnknownOrganization_NotFoundAndNothingWritten()
    {
        var parent = $"organizations/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Organizations.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = parent,
            ApiKey = new ApiKey { DisplayName = "SIRH" },
            RequestId = Guid.NewGuid().ToString(),
        }));

        Assert.Equal(parent, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM api_keys WHERE organization_id = '{parent[14..]}'"));
    }

    private async Task<ListApiKeysResponse> ListAsync(string organizationName) =>
        await Organizations.ListApiKeysAsync(new ListApiKeysRequest { Parent = organizationName });

    /// <summary>Rows of <paramref name="table"/> whose text (every column, bytea in hex) contains <paramref name="text"/>.</summary>
    private Task<long> CountRowsHoldingAsync(string table, string text) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM {table} t WHERE position('{text}' in t::text) > 0");

    /// <summary>Answers recorded for retries whose bytes contain <paramref name="text"/> in UTF-8.</summary>
    private Task<long> CountRequestLogResponsesHoldingAsync(string text) =>
        Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM request_log WHERE position(convert_to('{text}', 'UTF8') in coalesce(response, ''::bytea)) > 0");
}
