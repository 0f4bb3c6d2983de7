using Bilan.Domain.Errors;

namespace Bilan.Server.Api;

/// <summary>A resource name of this API: a collection and a UUID, <c>bilans/{id}</c> (AIP-122).</summary>
public sealed record ResourceName(string Collection, Guid Id)
{
    public override string ToString() => Format(Collection, Id);

    public static string Format(string collection, Guid id) => $"{collection}/{id}";

    /// <summary>Parses <paramref name="value"/> as <c>{collection}/{uuid}</c>, or names the bad field.</summary>
    public static Guid ParseId(string value, string collection, string field)
    {
        if (TryParseId(value, collection, out var id))
        {
            return id;
        }

        throw new InvalidFieldsException([Violation(value, collection, field)]);
    }

    public static bool TryParseId(string value, string collection, out Guid id)
    {
        var prefix = collection + "/";
        // Only the canonical form the API itself returns: a lower-case UUID with nothing around it.
        if (value.StartsWith(prefix, StringComparison.Ordinal)
            && Guid.TryParseExact(value.AsSpan(prefix.Length), "D", out id)
            && value.AsSpan(prefix.Length).SequenceEqual(id.ToString()))
        {
            return true;
        }

        id = Guid.Empty;
        return false;
    }

    public static FieldViolation Violation(string value, string collection, string field) =>
        string.IsNullOrEmpty(value)
            ? new FieldViolation(field, "REQUIRED", $"Required: a resource name {collection}/{{uuid}}.", "Ce champ est obligatoire.")
            : new FieldViolation(field, "INVALID_RESOURCE_NAME", $"Expected {collection}/{{uuid}}.",
                $"Identifiant invalide : attendu {collection}/{{uuid}}.");
}
