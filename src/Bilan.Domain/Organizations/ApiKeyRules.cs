using Bilan.Domain.Errors;

namespace Bilan.Domain.Organizations;

/// <summary>
/// The field rules of an API key. Its secret is made by the server, never chosen by the caller, so only what
/// the administrator types is checked: the display name, which tells the keys of an organization apart.
/// </summary>
public static class ApiKeyRules
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>Every violation of a key's <paramref name="displayName"/>, with paths relative to the key.</summary>
    public static IReadOnlyList<FieldViolation> Validate(string displayName)
    {
        var checks = new FieldChecks();
        checks.RequireText("display_name", displayName, MaxDisplayNameLength, "Le nom de la clé d'API");
        return checks.Violations;
    }
}
