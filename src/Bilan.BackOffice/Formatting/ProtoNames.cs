using System.Reflection;
using Google.Protobuf.Reflection;

namespace Bilan.BackOffice.Formatting;

/// <summary>The API's names for enum values (<c>STATE_REQUESTED</c>) and the ids inside resource names.</summary>
public static class ProtoNames
{
    /// <summary>The proto name of an enum value, for example <c>STATE_PRELIMINARY</c>, as filters take it.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? value.ToString();

    /// <summary>The last segment of a resource name (<c>bilans/42</c> gives <c>42</c>); the name itself when it has none.</summary>
    public static string IdOf(string resourceName) =>
        resourceName.Split('/') is [.., var last] && last.Length > 0 ? last : resourceName;

    /// <summary>The bilan a child resource belongs to: <c>bilans/{id}/interviews/{x}</c> gives <c>{id}</c>.</summary>
    public static string BilanIdOf(string childName) =>
        childName.Split('/') is ["bilans", var id, ..] ? id : string.Empty;

    /// <summary>Whether <paramref name="value"/> is <c>{collection}/{uuid}</c>, the only shape copied into a filter.</summary>
    public static bool IsResourceName(string? value, string collection) =>
        value is not null
        && value.StartsWith(collection + "/", StringComparison.Ordinal)
        && Guid.TryParseExact(value[(collection.Length + 1)..], "D", out _);

    /// <summary>A value written as an AIP-160 quoted string (backslashes and quotes escaped).</summary>
    public static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
