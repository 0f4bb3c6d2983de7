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

    /// <summary>
    /// Parses <paramref name="value"/> as a child resource <c>{collection}/{uuid}/{segment}/{uuid}</c>, for example
    /// <c>bilans/{uuid}/fundings/{uuid}</c>, in the canonical form only; or adds the bad field to <paramref name="checks"/>
    /// and returns empty ids.
    /// </summary>
    public static (Guid ParentId, Guid Id) ParseChild(string value, string collection, string segment, string field, FieldChecks checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var separator = $"/{segment}/";
        var split = value.IndexOf(separator, StringComparison.Ordinal);
        if (split > 0
            && TryParseId(value[..split], collection, out var parentId)
            && Guid.TryParseExact(value.AsSpan(split + separator.Length), "D", out var id)
            && $"{Format(collection, parentId)}{separator}{id}" == value)
        {
            return (parentId, id);
        }

        var pattern = $"{collection}/{{uuid}}/{segment}/{{uuid}}";
        checks.AddRange([string.IsNullOrEmpty(value)
            ? new FieldViolation(field, "REQUIRED", $"Required: {pattern}.", "Ce champ est obligatoire.")
            : new FieldViolation(field, "INVALID_RESOURCE_NAME", $"Expected {pattern}.", $"Identifiant invalide : attendu {pattern}.")]);
        return (Guid.Empty, Guid.Empty);
    }

    /// <summary>Parses <paramref name="value"/> as a child resource <c>{collection}/{uuid}/{segment}/{uuid}</c>, or names the bad field.</summary>
    public static (Guid ParentId, Guid Id) ParseChild(string value, string collection, string segment, string field)
    {
        var checks = new FieldChecks();
        var ids = ParseChild(value, collection, segment, field, checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return ids;
    }

    public static FieldViolation Violation(string value, string collection, string field) =>
        string.IsNullOrEmpty(value)
            ? new FieldViolation(field, "REQUIRED", $"Required: a resource name {collection}/{{uuid}}.", "Ce champ est obligatoire.")
            : new FieldViolation(field, "INVALID_RESOURCE_NAME", $"Expected {collection}/{{uuid}}.",
                $"Identifiant invalide : attendu {collection}/{{uuid}}.");
}
