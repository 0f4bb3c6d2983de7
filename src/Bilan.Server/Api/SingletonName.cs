using Bilan.Domain.Errors;

namespace Bilan.Server.Api;

/// <summary>A singleton sub-resource of a bilan (AIP-156): <c>bilans/{uuid}/{segment}</c>, e.g. <c>bilans/{id}/convention</c>.</summary>
public static class SingletonName
{
    public static string Format(Guid bilanId, string segment) => $"bilans/{bilanId}/{segment}";

    /// <summary>Reads the bilan's id from <paramref name="value"/>, or reports the bad field in <paramref name="checks"/>.</summary>
    public static Guid Parse(string value, string segment, string field, FieldChecks checks)
    {
        var suffix = "/" + segment;
        if (value.EndsWith(suffix, StringComparison.Ordinal)
            && ResourceName.TryParseId(value[..^suffix.Length], "bilans", out var id))
        {
            return id;
        }

        if (string.IsNullOrEmpty(value))
        {
            checks.Add(field, "REQUIRED", $"Required: bilans/{{uuid}}/{segment}.", "Ce champ est obligatoire.");
        }
        else
        {
            checks.Add(field, "INVALID_RESOURCE_NAME", $"Expected bilans/{{uuid}}/{segment}.",
                $"Identifiant invalide : attendu bilans/{{uuid}}/{segment}.");
        }

        return Guid.Empty;
    }

    /// <summary>Reads the bilan's id, or throws INVALID_ARGUMENT naming the field.</summary>
    public static Guid Parse(string value, string segment, string field)
    {
        var checks = new FieldChecks();
        var id = Parse(value, segment, field, checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return id;
    }
}
