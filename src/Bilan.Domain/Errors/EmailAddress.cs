using System.Text.RegularExpressions;

namespace Bilan.Domain.Errors;

/// <summary>A required e-mail address, the same rule for beneficiaries and consultants.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Reports under <paramref name="field"/> an address that is missing, too long, or not name@domain.</summary>
    public static void Check(FieldChecks checks, string field, string email)
    {
        checks.RequireText(field, email, MaxLength, "L'adresse e-mail");
        if (!string.IsNullOrWhiteSpace(email) && email.Length <= MaxLength && !IsWellFormed(email))
        {
            checks.Add(field, "INVALID_FORMAT", "Not an e-mail address (expected name@domain).",
                "L'adresse e-mail n'est pas valide (attendu : nom@domaine).");
        }
    }

    /// <summary>One <c>@</c> between a name and a dotted domain, with no white space.</summary>
    public static bool IsWellFormed(string email) => Pattern().IsMatch(email);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+\z")]
    private static partial Regex Pattern();
}
