using System.Globalization;
using System.Reflection;
using Bilan.Domain;
using Google.Protobuf.Reflection;
using Contract = Bilan.Contracts.V1;

namespace Bilan.Server.Tests.Api;

/// <summary>
/// The server converts between domain and contract enums by number, and the domain names values in messages
/// by <see cref="ApiNames.Of{TEnum}"/>: both only work while the two enums agree value by value.
/// </summary>
public sealed class EnumContractTests
{
    [Fact]
    public void PublicCategory_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Beneficiaries.PublicCategory, Contract.PublicCategory>();

    [Fact]
    public void SituationKind_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Beneficiaries.SituationKind, Contract.SituationKind>();

    [Fact]
    public void WorkingTime_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Bilans.WorkingTime, Contract.WorkingTime>();

    [Fact]
    public void FundingSource_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Bilans.FundingSource, Contract.FundingSource>();

    [Fact]
    public void BilanState_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Bilans.BilanState, Contract.Bilan.Types.State>();

    [Fact]
    public void FunderType_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Funding.FunderType, Contract.FunderType>();

    [Fact]
    public void FundingStatus_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Funding.FundingStatus, Contract.FundingStatus>();

    [Fact]
    public void EdofState_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Funding.EdofState, Contract.EdofState>();

    [Fact]
    public void EdofDeadlineKind_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Funding.EdofDeadlineKind, Contract.EdofDeadlineKind>();

    [Fact]
    public void DeadlineStatus_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Funding.DeadlineStatus, Contract.DeadlineStatus>();

    [Fact]
    public void BpfTraineeType_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Reports.BpfTraineeType, Contract.BpfTraineeType>();

    [Fact]
    public void BilanEventType_ComparedWithContract_SameNumbersAndNames() =>
        AssertSameValues<Domain.Bilans.BilanEventType, Contract.BilanEventType>();

    private static void AssertSameValues<TDomain, TContract>()
        where TDomain : struct, Enum
        where TContract : struct, Enum
    {
        var contractNames = typeof(TContract).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(
                field => Number(field.GetValue(null)!),
                field => field.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? $"(no original name on {field.Name})");
        var domainNames = Enum.GetValues<TDomain>().ToDictionary(value => Number(value), value => ApiNames.Of(value));

        Assert.NotEmpty(contractNames);
        Assert.Equal(contractNames.Keys.Order(), domainNames.Keys.Order());
        foreach (var (number, contractName) in contractNames)
        {
            Assert.Equal(contractName, domainNames[number]);
        }
    }

    private static int Number(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
