using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Type;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class CheckEligibilityTests(ApiFixture fixture)
{
    private static readonly Date PeriodStart = new() { Year = 2027, Month = 1, Day = 11 };
    private static readonly Date PeriodEnd = new() { Year = 2027, Month = 4, Day = 30 };

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task CheckEligibility_NoSituation_EligibleWithoutReasons()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());

        var response = await CheckAsync(beneficiary.Name);

        Assert.True(response.Eligible);
        Assert.Empty(response.Reasons);
    }

    [Fact]
    public async Task CheckEligibility_ParentalLeaveOverlapping_EligibleWithOneNonBlockingReason()
    {
        var parental = Situation(SituationKind.ParentalLeave, D(2026, 9, 1), D(2027, 2, 28));
        var beneficiary = await BeneficiaryWithAsync(parental);

        var response = await CheckAsync(beneficiary.Name);

        Assert.True(response.Eligible);
        var reason = Assert.Single(response.Reasons);
        Assert.Equal(("SITUATION_ALLOWS_BILAN", false), (reason.Rule, reason.Blocking));
        Assert.Equal(parental, reason.Situation);
        Assert.Equal("A bilan may take place during SITUATION_KIND_PARENTAL_LEAVE (from 2026-09-01 to 2027-02-28).", reason.Description);
        Assert.Equal("Un bilan peut avoir lieu pendant un congé parental (du 01/09/2026 au 28/02/2027).", reason.FrenchDescription);
    }

    [Fact]
    public async Task CheckEligibility_MaternityLeaveOverlapping_NotEligibleWithABlockingReasonNamingThePeriod()
    {
        var maternity = Situation(SituationKind.MaternityLeave, D(2027, 3, 1), D(2027, 6, 30));
        var beneficiary = await BeneficiaryWithAsync(maternity);

        var response = await CheckAsync(beneficiary.Name);

        Assert.False(response.Eligible);
        var reason = Assert.Single(response.Reasons);
        Assert.Equal(("SITUATION_FORBIDS_BILAN", true), (reason.Rule, reason.Blocking));
        Assert.Equal(maternity, reason.Situation);
        Assert.Contains("2027-03-01", reason.Description, StringComparison.Ordinal);
        Assert.Equal("Aucun bilan ne peut avoir lieu pendant un congé maternité (du 01/03/2027 au 30/06/2027).", reason.FrenchDescription);
    }

    [Fact]
    public async Task CheckEligibility_OpenEndedCarersLeaveStartedBefore_BlockingAndSaysNoEndDate()
    {
        var carer = new SituationPeriod { Kind = SituationKind.CarerLeave, StartDate = D(2026, 6, 1) };
        var beneficiary = await BeneficiaryWithAsync(carer);

        var response = await CheckAsync(beneficiary.Name);

        Assert.False(response.Eligible);
        var reason = Assert.Single(response.Reasons);
        Assert.Equal(carer, reason.Situation);
        Assert.Contains("depuis le 01/06/2026, sans date de fin", reason.FrenchDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckEligibility_SituationsOutsideThePeriod_NoReasonAndBoundariesInclusive()
    {
        var endsTheDayBefore = Situation(SituationKind.MaternityLeave, D(2026, 10, 1), D(2027, 1, 10));
        var startsTheDayAfter = Situation(SituationKind.TransitionProject, D(2027, 5, 1), D(2027, 12, 31));
        var beneficiary = await BeneficiaryWithAsync(endsTheDayBefore, startsTheDayAfter);

        var outside = await CheckAsync(beneficiary.Name);
        var touchingBothEnds = await CheckAsync(beneficiary.Name, D(2027, 1, 10), D(2027, 5, 1));

        Assert.True(outside.Eligible);
        Assert.Empty(outside.Reasons);
        Assert.False(touchingBothEnds.Eligible);
        Assert.Equal([endsTheDayBefore, startsTheDayAfter], touchingBothEnds.Reasons.Select(r => r.Situation));
    }

    [Fact]
    public async Task CheckEligibility_SeveralSituations_EachReasonCarriesItsOwnSituation()
    {
        var past = Situation(SituationKind.UnpaidLeave, D(2025, 1, 1), D(2025, 3, 1));
        var parental = Situation(SituationKind.ParentalLeave, D(2027, 1, 1), D(2027, 2, 1));
        var maternity = Situation(SituationKind.MaternityLeave, D(2027, 4, 1), D(2027, 7, 31));
        var beneficiary = await BeneficiaryWithAsync(past, parental, maternity);

        var response = await CheckAsync(beneficiary.Name);

        Assert.False(response.Eligible);
        Assert.Equal(
            [(parental, "SITUATION_ALLOWS_BILAN", false), (maternity, "SITUATION_FORBIDS_BILAN", true)],
            response.Reasons.Select(r => (r.Situation, r.Rule, r.Blocking)));
    }

    [Fact]
    public async Task CheckEligibility_SickLeaveWithoutTheDoctorsAgreement_NotEligible()
    {
        var sick = Situation(SituationKind.SickLeave, D(2027, 2, 1), D(2027, 2, 28));
        var beneficiary = await BeneficiaryWithAsync(sick);

        var response = await CheckAsync(beneficiary.Name);

        Assert.False(response.Eligible);
        var reason = Assert.Single(response.Reasons);
        Assert.Equal(("SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT", true), (reason.Rule, reason.Blocking));
        Assert.Equal(sick, reason.Situation);
        Assert.Contains("accord écrit du médecin traitant", reason.FrenchDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckEligibility_SickLeaveWithTheDoctorsAgreement_EligibleWithANonBlockingReason()
    {
        var sick = Situation(SituationKind.SickLeave, D(2027, 2, 1), D(2027, 2, 28));
        sick.DoctorAgreement = true;
        var beneficiary = await BeneficiaryWithAsync(sick);

        var response = await CheckAsync(beneficiary.Name);

        Assert.True(response.Eligible);
        var reason = Assert.Single(response.Reasons);
        Assert.Equal(("SITUATION_ALLOWS_BILAN", false), (reason.Rule, reason.Blocking));
        Assert.True(reason.Situation.DoctorAgreement);
    }

    [Fact]
    public async Task CheckEligibility_MalformedBeneficiaryAndNoDates_InvalidArgumentNamingEveryField()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.CheckEligibilityAsync(new CheckEligibilityRequest
        {
            Beneficiary = "beneficiaries/karim",
        }));

        Assert.Equal(["beneficiary", "start_date", "end_date"], status.BadFields());
        Assert.Equal("beneficiary,start_date,end_date", status.ErrorInfo().Metadata["fields"]);
        Assert.Equal("3 champs sont invalides : corrigez-les puis réessayez.", status.FrenchMessage());
    }

    [Fact]
    public async Task CheckEligibility_EndBeforeStart_InvalidArgumentOnEndDate()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.CheckEligibilityAsync(new CheckEligibilityRequest
        {
            Beneficiary = beneficiary.Name,
            StartDate = PeriodEnd,
            EndDate = PeriodStart,
        }));

        Assert.Equal(["end_date"], status.BadFields());
        Assert.Equal("END_BEFORE_START", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Reason);
    }

    [Fact]
    public async Task CheckEligibility_ImpossibleDates_InvalidArgumentOnBoth()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.CheckEligibilityAsync(new CheckEligibilityRequest
        {
            Beneficiary = beneficiary.Name,
            StartDate = D(2027, 2, 30),
            EndDate = new Date { Year = 2027, Month = 13, Day = 1 },
        }));

        Assert.Equal(["start_date", "end_date"], status.BadFields());
    }

    [Fact]
    public async Task CheckEligibility_UnknownBeneficiary_NotFound()
    {
        var unknown = $"beneficiaries/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Server.Bilans.CheckEligibilityAsync(new CheckEligibilityRequest
        {
            Beneficiary = unknown,
            StartDate = PeriodStart,
            EndDate = PeriodEnd,
        }));

        Assert.Equal(unknown, status.ErrorInfo().Metadata["resource_name"]);
    }

    private static Date D(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    private static SituationPeriod Situation(SituationKind kind, Date start, Date end) => new() { Kind = kind, StartDate = start, EndDate = end };

    private async Task<Beneficiary> BeneficiaryWithAsync(params SituationPeriod[] situations)
    {
        var request = Requests.Employee();
        request.Situations.Add(situations);
        return await Server.Beneficiaries.CreateAsync(request);
    }

    private async Task<CheckEligibilityResponse> CheckAsync(string beneficiary, Date? start = null, Date? end = null) =>
        await Server.Bilans.CheckEligibilityAsync(new CheckEligibilityRequest
        {
            Beneficiary = beneficiary,
            StartDate = start ?? PeriodStart,
            EndDate = end ?? PeriodEnd,
        });
}
