using System.Reflection;
using Google.Protobuf.Reflection;

namespace Bilan.BackOffice.Api;

/// <summary>Resource names of the API (<c>bilans/{id}</c>) and the proto names of its enum values.</summary>
public static class ResourceIds
{
    /// <summary>The last segment of a resource name: <c>bilans/42</c> gives <c>42</c>.</summary>
    public static string LastSegment(string resourceName) =>
        resourceName.Split('/') is [.., var last] && last.Length > 0 ? last : resourceName;

    /// <summary>The proto name of an enum value, for example <c>PUBLIC_CATEGORY_EMPLOYEE</c>, as filters want it.</summary>
    public static string ProtoName<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    /// <summary>A string as a quoted filter value, with its quotes and backslashes escaped.</summary>
    public static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
