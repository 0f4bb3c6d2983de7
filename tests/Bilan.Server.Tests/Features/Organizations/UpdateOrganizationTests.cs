using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Organizations;

[Collection(ApiTests.Name)]
public sealed class UpdateOrganizationTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private OrganizationService.OrganizationServiceClient Organizations => new(Server.Channel);

    [Fact]
    public async Task UpdateOrganization_MaskedField_ChangesOnlyThatFieldTheEtagAndTheUpdateTime()
    {
        var created = await Server.NewOrganizationAsync();

        var updated = await Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, DisplayName = " CH Valence ", Siret = OrganizationSamples.UniqueSiret(), Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        });

        Assert.Equal(("CH Valence", created.Siret), (updated.DisplayName, updated.Siret));
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(created.CreateTime, updated.CreateTime);
        Assert.True(updated.UpdateTime.ToDateTimeOffset() > created.UpdateTime.ToDateTimeOffset());
        Assert.Equal(updated, await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = created.Name }));
    }

    [Fact]
    public async Task UpdateOrganization_NoMask_UpdatesTheFieldsSent()
    {
        var created = await Server.NewOrganizationAsync();
        var siret = OrganizationSamples.UniqueSiret();

        var updated = await Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, Siret = siret },
        });

        Assert.Equal((created.DisplayName, siret), (updated.DisplayName, updated.Siret));
    }

    [Fact]
    public async Task UpdateOrganization_EmptySiretInTheMask_RemovesItAndFreesIt()
    {
        var created = await Server.NewOrganizationAsync();

        var updated = await Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name },
            UpdateMask = new FieldMask { Paths = { "siret" } },
        });
        var other = await Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = "Reprise du SIRET", Siret = created.Siret },
        });

        Assert.Equal(("", created.DisplayName), (updated.Siret, updated.DisplayName));
        Assert.Equal(created.Siret, other.Siret);
    }

    [Fact]
    public async Task UpdateOrganization_NoMaskAndEmptySiret_EmptyCountsAsUnsetSoSiretKept()
    {
        var created = await Server.NewOrganizationAsync();

        var updated = await Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, DisplayName = "Nouveau nom" },
        });

        Assert.Equal(("Nouveau nom", created.Siret), (updated.DisplayName, updated.Siret));
    }

    [Fact]
    public async Task UpdateOrganization_StaleEtag_AbortedAndUnchanged()
    {
        var created = await Server.NewOrganizationAsync();
        await Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, DisplayName = "Premier changement", Etag = created.Etag },
        });

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, DisplayName = "Second changement", Etag = created.Etag },
        }));

        Assert.Equal("ETAG_MISMATCH", status.ErrorInfo().Reason);
        Assert.Equal(created.Name, status.ErrorInfo().Metadata["resource_name"]);
        Assert.Equal("Premier changement", (await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = created.Name })).DisplayName);
    }

    [Fact]
    public async Task UpdateOrganization_EveryFieldBad_InvalidArgumentNamingEveryOneAndUnchanged()
    {
        var created = await Server.NewOrganizationAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, DisplayName = "", Siret = "12345678901234" },
            UpdateMask = new FieldMask { Paths = { "display_name", "siret" } },
        }));

        Assert.Equal(["organization.display_name", "organization.siret"], status.BadFields());
        Assert.Equal(created, await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = created.Name }));
    }

    [Fact]
    public async Task UpdateOrganization_SiretOfAnother_AlreadyExistsAndUnchanged()
    {
        var other = await Server.NewOrganizationAsync();
        var created = await Server.NewOrganizationAsync();

        var status = await RpcFailure.Of(StatusCode.AlreadyExists, () => Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, Siret = other.Siret },
        }));

        Assert.Equal("RESOURCE_ALREADY_EXISTS", status.ErrorInfo().Reason);
        Assert.Equal("organization.siret", status.ErrorInfo().Metadata["field"]);
        Assert.Equal(created, await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = created.Name }));
    }

    [Fact]
    public async Task UpdateOrganization_OwnSiret_Accepted()
    {
        var created = await Server.NewOrganizationAsync();

        var updated = await Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, Siret = created.Siret, DisplayName = "Même SIRET" },
        });

        Assert.Equal(created.Siret, updated.Siret);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("create_time")]
    [InlineData("etag")]
    [InlineData("email")]
    public async Task UpdateOrganization_PathNotUpdatable_InvalidArgumentOnUpdateMask(string path)
    {
        var created = await Server.NewOrganizationAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name },
            UpdateMask = new FieldMask { Paths = { path } },
        }));

        Assert.Equal(["update_mask"], status.BadFields());
    }

    [Fact]
    public async Task UpdateOrganization_Unknown_NotFound()
    {
        var status = await RpcFailure.Of(StatusCode.NotFound, () => Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = $"organizations/{Guid.NewGuid()}", DisplayName = "Personne" },
        }));

        Assert.Equal("Cette organisation n'existe pas.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("organizations/42")]
    public async Task UpdateOrganization_MalformedName_InvalidArgumentOnOrganizationName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = name, DisplayName = "Personne" },
        }));

        Assert.Equal(["organization.name"], status.BadFields());
    }

    [Fact]
    public async Task UpdateOrganization_NoOrganization_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest()));

        Assert.Equal(["organization"], status.BadFields());
    }

    [Fact]
    public async Task UpdateOrganization_SameRequestIdAfterAnotherChange_ReturnsFirstAnswerAndWritesNothing()
    {
        var created = await Server.NewOrganizationAsync();
        var request = new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, DisplayName = "Premier" },
            RequestId = Guid.NewGuid().ToString(),
        };
        var first = await Organizations.UpdateOrganizationAsync(request);
        await Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest { Organization = new Organization { Name = created.Name, DisplayName = "Second" } });

        var retry = await Organizations.UpdateOrganizationAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal("Second", (await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = created.Name })).DisplayName);
    }

    [Fact]
    public async Task UpdateOrganization_RequestIdReusedForAnotherRequest_InvalidArgumentAndUnchanged()
    {
        var created = await Server.NewOrganizationAsync();
        var requestId = Guid.NewGuid().ToString();
        var first = await Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, DisplayName = "Premier" },
            RequestId = requestId,
        });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.UpdateOrganizationAsync(new UpdateOrganizationRequest
        {
            Organization = new Organization { Name = created.Name, DisplayName = "Autre" },
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal(first, await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = created.Name }));
    }
}
