using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Google.Type;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Beneficiaries;

[Collection(ApiTests.Name)]
public sealed class CreateBeneficiaryTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task CreateBeneficiary_ValidEmployee_ReturnsItWithNameTimesAndEtag()
    {
        var request = Requests.Employee();
        request.Phone = "+33 6 12 34 56 78";
        request.Situations.Add(new SituationPeriod
        {
            Kind = SituationKind.SickLeave,
            StartDate = new Date { Year = 2026, Month = 11, Day = 2 },
            EndDate = new Date { Year = 2026, Month = 12, Day = 20 },
            DoctorAgreement = true,
        });

        var created = await Server.Beneficiaries.CreateAsync(request);

        Assert.Matches("^beneficiaries/[0-9a-f-]{36}$", created.Name);
        Assert.Equal("Camille", created.GivenName);
        Assert.Equal(Requests.HospitalSiret, created.Employer.Siret);
        Assert.Equal(request.Situations, created.Situations);
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.CreateTime);
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.Equal(created, await Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = created.Name }));
    }

    [Fact]
    public async Task CreateBeneficiary_SeveralBadFields_InvalidArgumentNamingEveryOne()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.CreateBeneficiaryAsync(
            new CreateBeneficiaryRequest { Beneficiary = new Beneficiary { Email = "not-an-email", Phone = "call me" } }));

        Assert.Equal(
            ["beneficiary.given_name", "beneficiary.family_name", "beneficiary.email", "beneficiary.phone", "beneficiary.public_category"],
            status.BadFields());
        Assert.Equal("INVALID_FIELDS", status.ErrorInfo().Reason);
        Assert.Equal("bilan.v1", status.ErrorInfo().Domain);
        Assert.Equal("5 champs sont invalides : corrigez-les puis réessayez.", status.FrenchMessage());
        var email = status.GetDetail<BadRequest>()!.FieldViolations.Single(v => v.Field == "beneficiary.email");
        Assert.Equal("INVALID_FORMAT", email.Reason);
        Assert.Equal("fr-FR", email.LocalizedMessage.Locale);
        Assert.Contains("adresse e-mail", email.LocalizedMessage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBeneficiary_BadSituationsAndEmployer_InvalidArgumentWithTheirPaths()
    {
        var request = Requests.Employee(siret: "73282932000075");
        request.Situations.Add(new SituationPeriod { Kind = SituationKind.ParentalLeave, StartDate = new Date { Year = 2026, Month = 2, Day = 30 } });
        request.Situations.Add(new SituationPeriod { Kind = SituationKind.MaternityLeave });
        request.Situations.Add(new SituationPeriod
        {
            Kind = SituationKind.UnpaidLeave,
            StartDate = new Date { Year = 2026, Month = 5, Day = 1 },
            EndDate = new Date { Year = 2026, Month = 4, Day = 1 },
        });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.CreateBeneficiaryAsync(
            new CreateBeneficiaryRequest { Beneficiary = request }));

        Assert.Equal(
            ["beneficiary.situations[0].start_date", "beneficiary.situations[1].start_date", "beneficiary.employer.siret", "beneficiary.situations[2].end_date"],
            status.BadFields());
    }

    [Fact]
    public async Task CreateBeneficiary_NoBeneficiary_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.CreateBeneficiaryAsync(new CreateBeneficiaryRequest()));

        Assert.Equal(["beneficiary"], status.BadFields());
    }

    [Fact]
    public async Task CreateBeneficiary_SameRequestIdTwice_SameAnswerAndOneRow()
    {
        var familyName = $"Idempotent{Guid.NewGuid():N}";
        var request = new CreateBeneficiaryRequest { Beneficiary = Requests.JobSeeker(familyName), RequestId = Guid.NewGuid().ToString() };

        var first = await Server.Beneficiaries.CreateBeneficiaryAsync(request);
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await Server.Beneficiaries.CreateBeneficiaryAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(1L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM beneficiaries WHERE family_name = '{familyName}'"));
    }

    [Fact]
    public async Task CreateBeneficiary_RequestIdReusedForAnotherRequest_InvalidArgumentAndNothingWritten()
    {
        var requestId = Guid.NewGuid().ToString();
        await Server.Beneficiaries.CreateBeneficiaryAsync(new CreateBeneficiaryRequest { Beneficiary = Requests.JobSeeker(), RequestId = requestId });
        var otherName = $"Other{Guid.NewGuid():N}";

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.CreateBeneficiaryAsync(
            new CreateBeneficiaryRequest { Beneficiary = Requests.JobSeeker(otherName), RequestId = requestId }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal("REQUEST_ID_REUSED", status.GetDetail<BadRequest>()!.FieldViolations[0].Reason);
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM beneficiaries WHERE family_name = '{otherName}'"));
    }

    [Fact]
    public async Task CreateBeneficiary_RequestIdNotAUuid_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.CreateBeneficiaryAsync(
            new CreateBeneficiaryRequest { Beneficiary = Requests.JobSeeker(), RequestId = "retry-1" }));

        Assert.Equal(["request_id"], status.BadFields());
    }
}
