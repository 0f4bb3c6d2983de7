using Google.Protobuf.Reflection;

namespace Bilan.Server.Api;

/// <summary>Reads the values of filter terms, naming the term when a value does not fit.</summary>
public static class FilterValues
{
    /// <summary>An enum value written as its proto name (<c>STATE_REQUESTED</c>); the zero value is refused.</summary>
    public static TEnum Enum<TEnum>(FilterTerm term)
        where TEnum : struct, System.Enum
    {
        var names = System.Enum.GetValues<TEnum>()
            .Where(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) != 0)
            .ToDictionary(v => OriginalName(v), v => v);
        if (!term.Quoted && names.TryGetValue(term.Value, out var value))
        {
            return value;
        }

        throw ListFilter.Invalid(
            $"{term.Field} must be one of {string.Join(", ", names.Keys)}.",
            $"Valeur inconnue pour « {term.Field} » ; valeurs possibles : {string.Join(", ", names.Keys)}.");
    }

    /// <summary>A bare <c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(FilterTerm term) => term switch
    {
        { Quoted: false, Value: "true" } => true,
        { Quoted: false, Value: "false" } => false,
        _ => throw ListFilter.Invalid($"{term.Field} must be true or false.", $"« {term.Field} » doit valoir true ou false."),
    };

    /// <summary>A resource name <c>{collection}/{uuid}</c>.</summary>
    public static Guid ResourceId(FilterTerm term, string collection) =>
        ResourceName.TryParseId(term.Value, collection, out var id)
            ? id
            : throw ListFilter.Invalid($"{term.Field} must be a resource name {collection}/{{uuid}}.",
                $"« {term.Field} » doit être un identifiant {collection}/{{uuid}}.");

    private static string OriginalName<TEnum>(TEnum value)
        where TEnum : struct, System.Enum =>
        typeof(TEnum).GetField(value.ToString())?
            .GetCustomAttributes(typeof(OriginalNameAttribute), false)
            .OfType<OriginalNameAttribute>()
            .FirstOrDefault()?.Name ?? value.ToString();
}
