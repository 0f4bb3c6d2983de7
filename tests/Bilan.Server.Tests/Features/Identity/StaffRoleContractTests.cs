using System.Globalization;
using System.Reflection;
using Bilan.Domain;
using Google.Protobuf.Reflection;
using Contract = Bilan.Contracts.V1;

namespace Bilan.Server.Tests.Features.Identity;

/// <summary>
/// Roles are stored, checked by the access table and sent in the contract by number: the server's
/// <see cref="Auth.StaffRole"/> and the proto enum must agree value by value.
/// </summary>
public sealed class StaffRoleContractTests
{
    [Fact]
    public void StaffRole_ComparedWithContract_SameNumbersAndNames()
    {
        var contractNames = typeof(Contract.StaffRole).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(
                field => Number(field.GetValue(null)!),
                field => field.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? $"(no original name on {field.Name})");
        var serverNames = Enum.GetValues<Auth.StaffRole>().ToDictionary(value => Number(value), value => ApiNames.Of(value));

        Assert.Equal([0, 1, 2, 3], contractNames.Keys.Order());
        Assert.Equal(contractNames, serverNames);
    }

    private static int Number(object value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
