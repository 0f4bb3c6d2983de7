using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Consultants;

[Collection(ApiTests.Name)]
public sealed class UpdateConsultantTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private ConsultantService.ConsultantServiceClient Consultants => new(Server.Channel);

    [Fact]
    public async Task UpdateConsultant_MaskedField_ChangesOnlyThatFieldAndTheEtag()
    {
        var created = await CreateAsync();
        var change = new Consultant { Name = created.Name, DisplayName = "Claire Martin-Dupont", Email = UniqueEmail(), Etag = created.Etag };

        var updated = await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = change,
            UpdateMask = new FieldMask { Paths = { "display_name" } },
        });

        Assert.Equal("Claire Martin-Dupont", updated.DisplayName);
        Assert.Equal(created.Email, updated.Email);
        Assert.True(updated.Active);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.Equal(created.CreateTime, updated.CreateTime);
        Assert.True(updated.UpdateTime.ToDateTimeOffset() > created.UpdateTime.ToDateTimeOffset());
        Assert.Equal(updated, await Consultants.GetConsultantAsync(new GetConsultantRequest { Name = created.Name }));
    }

    [Fact]
    public async Task UpdateConsultant_ActiveFalseInTheMask_InactiveThenActiveAgain()
    {
        var created = await CreateAsync();

        var left = await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, Active = false, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "active" } },
        });
        var back = await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, Active = true, Etag = left.Etag },
        });

        Assert.False(left.Active);
        Assert.Equal((created.DisplayName, created.Email), (left.DisplayName, left.Email));
        Assert.True(back.Active);
        Assert.Equal(back, await Consultants.GetConsultantAsync(new GetConsultantRequest { Name = created.Name }));
    }

    [Fact]
    public async Task UpdateConsultant_NoMaskAndActiveFalse_FalseCountsAsUnsetSoStillActive()
    {
        var created = await CreateAsync();

        var updated = await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, DisplayName = "Claire D.", Active = false },
        });

        Assert.Equal("Claire D.", updated.DisplayName);
        Assert.True(updated.Active);
    }

    [Fact]
    public async Task UpdateConsultant_StaleEtag_AbortedAndUnchanged()
    {
        var created = await CreateAsync();
        await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, DisplayName = "Premier changement", Etag = created.Etag },
        });

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, Active = false, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "active" } },
        }));

        Assert.Equal("ETAG_MISMATCH", status.ErrorInfo().Reason);
        Assert.Equal(created.Name, status.ErrorInfo().Metadata["resource_name"]);
        var current = await Consultants.GetConsultantAsync(new GetConsultantRequest { Name = created.Name });
        Assert.Equal(("Premier changement", true), (current.DisplayName, current.Active));
    }

    [Fact]
    public async Task UpdateConsultant_EveryFieldBad_InvalidArgumentNamingEveryOneAndUnchanged()
    {
        var created = await CreateAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, DisplayName = "", Email = "claire@" },
            UpdateMask = new FieldMask { Paths = { "display_name", "email" } },
        }));

        Assert.Equal(["consultant.display_name", "consultant.email"], status.BadFields());
        Assert.Equal(created, await Consultants.GetConsultantAsync(new GetConsultantRequest { Name = created.Name }));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("create_time")]
    [InlineData("etag")]
    [InlineData("phone")]
    public async Task UpdateConsultant_PathNotUpdatable_InvalidArgumentOnUpdateMask(string path)
    {
        var created = await CreateAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name },
            UpdateMask = new FieldMask { Paths = { path } },
        }));

        Assert.Equal(["update_mask"], status.BadFields());
        Assert.Contains(path, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateConsultant_Unknown_NotFound()
    {
        var status = await RpcFailure.Of(StatusCode.NotFound, () => Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = $"consultants/{Guid.NewGuid()}", DisplayName = "Personne" },
        }));

        Assert.Equal("RESOURCE_NOT_FOUND", status.ErrorInfo().Reason);
        Assert.Equal("Ce consultant n'existe pas.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("consultants/42")]
    [InlineData("beneficiaries/0194b2a0-0000-7000-8000-000000000000")]
    public async Task UpdateConsultant_MalformedName_InvalidArgumentOnConsultantName(string name)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = name, DisplayName = "Personne" },
        }));

        Assert.Equal(["consultant.name"], status.BadFields());
    }

    [Fact]
    public async Task UpdateConsultant_NoConsultant_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.UpdateConsultantAsync(new UpdateConsultantRequest()));

        Assert.Equal(["consultant"], status.BadFields());
    }

    [Fact]
    public async Task UpdateConsultant_EmailOfAnotherConsultant_AlreadyExistsAndUnchanged()
    {
        var other = await CreateAsync();
        var created = await CreateAsync();

        var status = await RpcFailure.Of(StatusCode.AlreadyExists, () => Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, Email = other.Email.ToUpperInvariant() },
        }));

        Assert.Equal("RESOURCE_ALREADY_EXISTS", status.ErrorInfo().Reason);
        Assert.Equal("consultant.email", status.ErrorInfo().Metadata["field"]);
        Assert.Equal(created, await Consultants.GetConsultantAsync(new GetConsultantRequest { Name = created.Name }));
    }

    [Fact]
    public async Task UpdateConsultant_OwnEmailInOtherCase_Accepted()
    {
        var created = await CreateAsync();

        var updated = await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, Email = created.Email.ToUpperInvariant() },
        });

        Assert.Equal(created.Email.ToUpperInvariant(), updated.Email);
    }

    [Fact]
    public async Task UpdateConsultant_SameRequestIdAfterAnotherChange_ReturnsFirstAnswerAndWritesNothing()
    {
        var created = await CreateAsync();
        var request = new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, DisplayName = "Premier" },
            RequestId = Guid.NewGuid().ToString(),
        };
        var first = await Consultants.UpdateConsultantAsync(request);
        await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest { Consultant = new Consultant { Name = created.Name, DisplayName = "Second" } });

        var retry = await Consultants.UpdateConsultantAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal("Second", (await Consultants.GetConsultantAsync(new GetConsultantRequest { Name = created.Name })).DisplayName);
    }

    [Fact]
    public async Task UpdateConsultant_RequestIdReusedForAnotherRequest_InvalidArgumentAndUnchanged()
    {
        var created = await CreateAsync();
        var requestId = Guid.NewGuid().ToString();
        var first = await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, DisplayName = "Premier" },
            RequestId = requestId,
        });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = created.Name, DisplayName = "Autre" },
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal(first, await Consultants.GetConsultantAsync(new GetConsultantRequest { Name = created.Name }));
    }

    private async Task<Consultant> CreateAsync() =>
        await Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = "Claire Dupont", Email = UniqueEmail() },
        });

    private static string UniqueEmail() => $"claire.{Guid.NewGuid():N}@example.org";
}
