using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Type;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class CreateBilanTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task CreateBilan_ForAJobSeeker_RequestedAndReadableBack()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());

        var created = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });

        Assert.Matches("^bilans/[0-9a-f-]{36}$", created.Name);
        Assert.Equal(beneficiary.Name, created.Beneficiary);
        Assert.Equal(BilanResource.Types.State.Requested, created.State);
        Assert.Equal(24, created.PlannedHours);
        Assert.Equal(new Date { Year = 2027, Month = 1, Day = 11 }, created.PlannedStartDate);
        Assert.Empty(created.Consultant);
        Assert.Equal(created, await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = created.Name }));
    }

    [Fact]
    public async Task CreateBilan_OutputOnlyFieldsSent_Ignored()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var request = Requests.Bilan(beneficiary.Name);
        request.State = BilanResource.Types.State.Closed;
        request.Consultant = $"consultants/{Guid.NewGuid()}";

        var created = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = request });

        Assert.Equal(BilanResource.Types.State.Requested, created.State);
        Assert.Empty(created.Consultant);
    }

    [Fact]
    public async Task CreateBilan_SeveralBadFields_InvalidArgumentNamingEveryOne()
    {
        var request = new BilanResource
        {
            Beneficiary = "people/1",
            PlannedHours = 30,
            PlannedStartDate = new Date { Year = 2027, Month = 3, Day = 1 },
            PlannedEndDate = new Date { Year = 2027, Month = 2, Day = 1 },
        };

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = request }));

        Assert.Equal(
            ["bilan.working_time", "bilan.funding_source", "bilan.planned_hours", "bilan.planned_end_date", "bilan.beneficiary"],
            status.BadFields());
        Assert.Contains("L6313-4", status.Message + string.Join(" ", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Description)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(25)]
    public async Task CreateBilan_PlannedHoursOutsidePolicyAndLaw_InvalidArgument(int hours)
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var request = Requests.Bilan(beneficiary.Name);
        request.PlannedHours = hours;

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = request }));

        Assert.Equal(["bilan.planned_hours"], status.BadFields());
    }

    [Fact]
    public async Task CreateBilan_UnknownBeneficiary_NotFound()
    {
        var name = $"beneficiaries/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(name) }));

        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
    }

    [Fact]
    public async Task CreateBilan_OnWorkingTimeForAJobSeeker_FailedPreconditionSayingWhy()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var request = Requests.Bilan(beneficiary.Name);
        request.WorkingTime = WorkingTime.PartlyDuring;

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = request }));

        var info = status.ErrorInfo();
        Assert.Equal("WORKING_TIME_NEEDS_EMPLOYMENT", info.Reason);
        Assert.Equal("PUBLIC_CATEGORY_JOB_SEEKER", info.Metadata["public_category"]);
        Assert.Equal("WORKING_TIME_PARTLY_DURING", info.Metadata["working_time"]);
        Assert.Contains("temps de travail", status.FrenchMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateBilan_FranceTravailForAnEmployee_FailedPrecondition()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.Employee());
        var request = Requests.Bilan(beneficiary.Name);
        request.FundingSource = FundingSource.FranceTravail;

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = request }));

        Assert.Equal("FUNDING_SOURCE_NOT_ALLOWED", status.ErrorInfo().Reason);
        Assert.Equal("FUNDING_SOURCE_FRANCE_TRAVAIL", status.ErrorInfo().Metadata["funding_source"]);
    }

    [Fact]
    public async Task CreateBilan_SameRequestIdTwice_SameAnswerAndOneBilan()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var request = new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name), RequestId = Guid.NewGuid().ToString() };

        var first = await Server.Bilans.CreateBilanAsync(request);
        var retry = await Server.Bilans.CreateBilanAsync(request);

        Assert.Equal(first, retry);
        var bilans = await Server.Bilans.ListBilansAsync(new ListBilansRequest { Filter = $"beneficiary = \"{beneficiary.Name}\"" });
        Assert.Equal(first.Name, Assert.Single(bilans.Bilans).Name);
    }

    [Fact]
    public async Task CreateBilan_SameRequestIdConcurrently_OneBilanAndIdenticalAnswers()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var request = new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name), RequestId = Guid.NewGuid().ToString() };

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Server.Bilans.CreateBilanAsync(request).ResponseAsync));

        Assert.Single(answers.Distinct());
        var bilans = await Server.Bilans.ListBilansAsync(new ListBilansRequest { Filter = $"beneficiary = \"{beneficiary.Name}\"" });
        Assert.Single(bilans.Bilans);
    }

    [Fact]
    public async Task CreateBilan_RequestIdOfAnotherMethod_InvalidArgument()
    {
        var requestId = Guid.NewGuid().ToString();
        var beneficiary = await Server.Beneficiaries.CreateBeneficiaryAsync(new CreateBeneficiaryRequest { Beneficiary = Requests.JobSeeker(), RequestId = requestId });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.CreateBilanAsync(
            new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name), RequestId = requestId }));

        Assert.Equal(["request_id"], status.BadFields());
    }
}
