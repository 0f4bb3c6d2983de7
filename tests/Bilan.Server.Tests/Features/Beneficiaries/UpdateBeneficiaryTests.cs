using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Beneficiaries;

[Collection(ApiTests.Name)]
public sealed class UpdateBeneficiaryTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task UpdateBeneficiary_MaskedField_ChangesOnlyThatFieldAndTheEtag()
    {
        var created = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var change = new Beneficiary { Name = created.Name, Email = "karim.new@example.org", FamilyName = "Ignored", Etag = created.Etag };

        var updated = await Server.Beneficiaries.UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest
        {
            Beneficiary = change,
            UpdateMask = new FieldMask { Paths = { "email" } },
        });

        Assert.Equal("karim.new@example.org", updated.Email);
        Assert.Equal(created.FamilyName, updated.FamilyName);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.True(updated.UpdateTime.ToDateTimeOffset() > created.UpdateTime.ToDateTimeOffset());
        Assert.Equal(updated, await Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = created.Name }));
    }

    [Fact]
    public async Task UpdateBeneficiary_NoMask_UpdatesTheFieldsSentAndReplacesSituations()
    {
        var created = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var change = new Beneficiary { Name = created.Name, Phone = "01 23 45 67 89" };
        change.Situations.Add(new SituationPeriod { Kind = SituationKind.CarerLeave, StartDate = new Date { Year = 2027, Month = 3, Day = 1 } });

        var updated = await Server.Beneficiaries.UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest { Beneficiary = change });

        Assert.Equal("01 23 45 67 89", updated.Phone);
        Assert.Equal(created.Email, updated.Email);
        Assert.Equal(SituationKind.CarerLeave, Assert.Single(updated.Situations).Kind);
    }

    [Fact]
    public async Task UpdateBeneficiary_StaleEtag_AbortedAndUnchanged()
    {
        var created = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        await Server.Beneficiaries.UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest
        {
            Beneficiary = new Beneficiary { Name = created.Name, Phone = "0600000001", Etag = created.Etag },
        });

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Server.Beneficiaries.UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest
        {
            Beneficiary = new Beneficiary { Name = created.Name, Phone = "0600000002", Etag = created.Etag },
        }));

        Assert.Equal("ETAG_MISMATCH", status.ErrorInfo().Reason);
        Assert.Equal(created.Name, status.ErrorInfo().Metadata["resource_name"]);
        var current = await Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = created.Name });
        Assert.Equal("0600000001", current.Phone);
    }

    [Fact]
    public async Task UpdateBeneficiary_InvalidNewValues_InvalidArgumentAndUnchanged()
    {
        var created = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());

        // Becoming an employee needs an employer: the rule reads the merged beneficiary, not only the mask.
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest
        {
            Beneficiary = new Beneficiary { Name = created.Name, PublicCategory = PublicCategory.Employee, GivenName = "" },
            UpdateMask = new FieldMask { Paths = { "public_category", "given_name" } },
        }));

        Assert.Equal(["beneficiary.given_name", "beneficiary.employer"], status.BadFields());
        Assert.Equal(created, await Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = created.Name }));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("create_time")]
    [InlineData("nickname")]
    public async Task UpdateBeneficiary_PathNotUpdatable_InvalidArgumentOnUpdateMask(string path)
    {
        var created = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest
        {
            Beneficiary = new Beneficiary { Name = created.Name },
            UpdateMask = new FieldMask { Paths = { path } },
        }));

        Assert.Equal(["update_mask"], status.BadFields());
        Assert.Contains(path, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateBeneficiary_Unknown_NotFound()
    {
        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Beneficiaries.UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest
        {
            Beneficiary = new Beneficiary { Name = $"beneficiaries/{Guid.NewGuid()}", Phone = "0600000000" },
        }));

        Assert.Equal("RESOURCE_NOT_FOUND", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task UpdateBeneficiary_SameRequestIdAfterAnotherChange_ReturnsFirstAnswerAndWritesNothing()
    {
        var created = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var request = new UpdateBeneficiaryRequest
        {
            Beneficiary = new Beneficiary { Name = created.Name, Phone = "0611111111" },
            RequestId = Guid.NewGuid().ToString(),
        };
        var first = await Server.Beneficiaries.UpdateBeneficiaryAsync(request);
        await Server.Beneficiaries.UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest { Beneficiary = new Beneficiary { Name = created.Name, Phone = "0622222222" } });

        var retry = await Server.Beneficiaries.UpdateBeneficiaryAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal("0622222222", (await Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = created.Name })).Phone);
    }
}
