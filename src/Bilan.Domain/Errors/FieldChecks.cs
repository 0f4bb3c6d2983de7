namespace Bilan.Domain.Errors;

/// <summary>Collects the violations of one message, so that every bad field is reported at once.</summary>
public sealed class FieldChecks
{
    private readonly List<FieldViolation> _violations = [];

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public void Add(string field, string reason, string description, string frenchDescription) =>
        _violations.Add(new FieldViolation(field, reason, description, frenchDescription));

    public void AddRange(IEnumerable<FieldViolation> violations) => _violations.AddRange(violations);

    /// <summary>A required text: present, and not longer than <paramref name="maxLength"/> characters.</summary>
    public void RequireText(string field, string value, int maxLength, string frenchName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "REQUIRED", "Required.", $"{frenchName} est obligatoire.");
        }
        else
        {
            LimitLength(field, value, maxLength, frenchName);
        }
    }

    public void LimitLength(string field, string value, int maxLength, string frenchName)
    {
        if (value.Length > maxLength)
        {
            Add(field, "TOO_LONG", $"At most {maxLength} characters.",
                $"{frenchName} ne doit pas dépasser {maxLength} caractères.");
        }
    }

    /// <summary>A required enum value: set, and one the contract defines.</summary>
    public void RequireDefined<TEnum>(string field, TEnum value, string frenchName)
        where TEnum : struct, Enum
    {
        if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            Add(field, "REQUIRED", "Required.", $"{frenchName} est obligatoire.");
        }
        else if (!Enum.IsDefined(value))
        {
            Add(field, "UNKNOWN_VALUE", $"Unknown value {value}.", $"{frenchName} : valeur inconnue.");
        }
    }
}
