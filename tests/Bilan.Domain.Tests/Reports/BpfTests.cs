using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Reports;

namespace Bilan.Domain.Tests.Reports;

public sealed class BpfTests
{
    [Theory]
    [InlineData(PublicCategory.Employee, BpfTraineeType.PrivateEmployees)]
    [InlineData(PublicCategory.JobSeeker, BpfTraineeType.JobSeekers)]
    [InlineData(PublicCategory.PrivateIndividual, BpfTraineeType.PrivateIndividuals)]
    [InlineData(PublicCategory.PublicAgent, BpfTraineeType.Others)]
    [InlineData(PublicCategory.SelfEmployed, BpfTraineeType.Others)]
    public void TraineeTypeOf_PublicCategory_BpfLine(PublicCategory category, BpfTraineeType expected) =>
        Assert.Equal(expected, Bpf.TraineeTypeOf(category));
}
