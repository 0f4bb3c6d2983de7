using Bilan.Domain.Errors;

namespace Bilan.Domain.Consultants;

/// <summary>
/// The field rules of a consultant, checked on create and on every update. That no two consultants share an
/// e-mail address is not checked here: the database's unique index decides it, race-free.
/// </summary>
public static class ConsultantRules
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>Every violation of <paramref name="details"/>, with paths relative to the consultant.</summary>
    public static IReadOnlyList<FieldViolation> Validate(ConsultantDetails details)
    {
        var checks = new FieldChecks();
        checks.RequireText("display_name", details.DisplayName, MaxDisplayNameLength, "Le nom du consultant");
        EmailAddress.Check(checks, "email", details.Email);
        return checks.Violations;
    }
}
