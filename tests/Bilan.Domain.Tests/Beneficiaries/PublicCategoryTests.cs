using Bilan.Domain.Beneficiaries;

namespace Bilan.Domain.Tests.Beneficiaries;

public sealed class PublicCategoryTests
{
    [Theory]
    [InlineData(PublicCategory.Unspecified, false)]
    [InlineData(PublicCategory.Employee, true)]
    [InlineData(PublicCategory.SelfEmployed, false)]
    [InlineData(PublicCategory.PublicAgent, true)]
    [InlineData(PublicCategory.JobSeeker, false)]
    [InlineData(PublicCategory.PrivateIndividual, false)]
    public void IsEmployed_EveryCategory_OnlyEmployeesAndPublicAgents(PublicCategory category, bool employed) =>
        Assert.Equal(employed, category.IsEmployed());
}
