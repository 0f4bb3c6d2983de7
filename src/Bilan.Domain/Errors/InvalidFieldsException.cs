namespace Bilan.Domain.Errors;

/// <summary>
/// The request itself is malformed, whatever the state of the system (the API answers INVALID_ARGUMENT):
/// every bad field is listed at once, so that a caller can fix them all in one go.
/// </summary>
public sealed class InvalidFieldsException(IReadOnlyList<FieldViolation> violations)
    : Exception(Describe(violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    /// <summary>Throws when <paramref name="violations"/> is not empty.</summary>
    public static void ThrowIfAny(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new InvalidFieldsException(violations);
        }
    }

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        violations.Count == 1
            ? $"Invalid field {violations[0].Field}: {violations[0].Description}"
            : $"{violations.Count} invalid fields: {string.Join(", ", violations.Select(v => v.Field))}.";
}
