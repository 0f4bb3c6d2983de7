using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;

namespace Bilan.Domain.Tests;

public sealed class ApiNamesTests
{
    [Theory]
    [InlineData(BilanState.Unspecified, "STATE_UNSPECIFIED")]
    [InlineData(BilanState.Requested, "STATE_REQUESTED")]
    [InlineData(BilanState.Preliminary, "STATE_PRELIMINARY")]
    [InlineData(BilanState.Investigation, "STATE_INVESTIGATION")]
    [InlineData(BilanState.Conclusion, "STATE_CONCLUSION")]
    [InlineData(BilanState.Completed, "STATE_COMPLETED")]
    [InlineData(BilanState.FollowUp, "STATE_FOLLOW_UP")]
    [InlineData(BilanState.Closed, "STATE_CLOSED")]
    [InlineData(BilanState.Abandoned, "STATE_ABANDONED")]
    [InlineData(BilanState.Cancelled, "STATE_CANCELLED")]
    public void Of_BilanState_ProtoNameWithStatePrefix(BilanState value, string expected) =>
        Assert.Equal(expected, ApiNames.Of(value));

    [Theory]
    [InlineData(PublicCategory.Unspecified, "PUBLIC_CATEGORY_UNSPECIFIED")]
    [InlineData(PublicCategory.Employee, "PUBLIC_CATEGORY_EMPLOYEE")]
    [InlineData(PublicCategory.SelfEmployed, "PUBLIC_CATEGORY_SELF_EMPLOYED")]
    [InlineData(PublicCategory.PublicAgent, "PUBLIC_CATEGORY_PUBLIC_AGENT")]
    [InlineData(PublicCategory.JobSeeker, "PUBLIC_CATEGORY_JOB_SEEKER")]
    [InlineData(PublicCategory.PrivateIndividual, "PUBLIC_CATEGORY_PRIVATE_INDIVIDUAL")]
    public void Of_PublicCategory_ProtoName(PublicCategory value, string expected) =>
        Assert.Equal(expected, ApiNames.Of(value));

    [Theory]
    [InlineData(SituationKind.Unspecified, "SITUATION_KIND_UNSPECIFIED")]
    [InlineData(SituationKind.ParentalLeave, "SITUATION_KIND_PARENTAL_LEAVE")]
    [InlineData(SituationKind.SickLeave, "SITUATION_KIND_SICK_LEAVE")]
    [InlineData(SituationKind.TherapeuticPartTime, "SITUATION_KIND_THERAPEUTIC_PART_TIME")]
    [InlineData(SituationKind.UnpaidLeave, "SITUATION_KIND_UNPAID_LEAVE")]
    [InlineData(SituationKind.SabbaticalLeave, "SITUATION_KIND_SABBATICAL_LEAVE")]
    [InlineData(SituationKind.MaternityLeave, "SITUATION_KIND_MATERNITY_LEAVE")]
    [InlineData(SituationKind.CarerLeave, "SITUATION_KIND_CARER_LEAVE")]
    [InlineData(SituationKind.TransitionProject, "SITUATION_KIND_TRANSITION_PROJECT")]
    public void Of_SituationKind_ProtoName(SituationKind value, string expected) =>
        Assert.Equal(expected, ApiNames.Of(value));

    [Theory]
    [InlineData(WorkingTime.Unspecified, "WORKING_TIME_UNSPECIFIED")]
    [InlineData(WorkingTime.During, "WORKING_TIME_DURING")]
    [InlineData(WorkingTime.PartlyDuring, "WORKING_TIME_PARTLY_DURING")]
    [InlineData(WorkingTime.Outside, "WORKING_TIME_OUTSIDE")]
    public void Of_WorkingTime_ProtoName(WorkingTime value, string expected) =>
        Assert.Equal(expected, ApiNames.Of(value));

    [Theory]
    [InlineData(FundingSource.Unspecified, "FUNDING_SOURCE_UNSPECIFIED")]
    [InlineData(FundingSource.Cpf, "FUNDING_SOURCE_CPF")]
    [InlineData(FundingSource.EmployerPlan, "FUNDING_SOURCE_EMPLOYER_PLAN")]
    [InlineData(FundingSource.Opco, "FUNDING_SOURCE_OPCO")]
    [InlineData(FundingSource.FranceTravail, "FUNDING_SOURCE_FRANCE_TRAVAIL")]
    [InlineData(FundingSource.Personal, "FUNDING_SOURCE_PERSONAL")]
    [InlineData(FundingSource.CoFunded, "FUNDING_SOURCE_CO_FUNDED")]
    public void Of_FundingSource_ProtoName(FundingSource value, string expected) =>
        Assert.Equal(expected, ApiNames.Of(value));
}
