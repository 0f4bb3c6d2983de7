using System.Text;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Identity;

/// <summary>
/// The field rules of a staff user and of their password, and the rules of their state. That no two users share
/// an e-mail address or a consultant is not checked here: the database's unique indexes decide it, race-free.
/// </summary>
public static class UserRules
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>Longer passwords are refused: nobody types more, and hashing has to stay cheap for the server.</summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>The e-mail address and display name of a user, reported under <c>email</c> and <c>display_name</c>.</summary>
    public static void CheckProfile(FieldChecks checks, string email, string displayName)
    {
        EmailAddress.Check(checks, "email", email);
        checks.RequireText("display_name", displayName, MaxDisplayNameLength, "Le nom de l'utilisateur");
    }

    /// <summary>A consultant user is linked to the consultant they are; a user of any other role is linked to none.</summary>
    public static void CheckConsultantLink(FieldChecks checks, string field, bool consultantRole, bool hasConsultant)
    {
        if (consultantRole && !hasConsultant)
        {
            checks.Add(field, "REQUIRED", "Required for a user with role STAFF_ROLE_CONSULTANT: the consultant they are, consultants/{uuid}.",
                "Un utilisateur consultant doit être rattaché à un consultant.");
        }
        else if (!consultantRole && hasConsultant)
        {
            checks.Add(field, "NOT_ALLOWED", "Only a user with role STAFF_ROLE_CONSULTANT is linked to a consultant: leave it empty for this role.",
                "Seul un utilisateur consultant est rattaché à un consultant : laissez ce champ vide pour ce rôle.");
        }
    }

    /// <summary>
    /// A password: at least <see cref="IdentityPolicy.MinimumPasswordLength"/> characters, and not only letters.
    /// Every message states the whole rule, so that one correction is enough. Never trimmed: spaces count.
    /// </summary>
    public static void CheckPassword(FieldChecks checks, string field, string password, IdentityPolicy policy)
    {
        var minimum = policy.MinimumPasswordLength;
        var rule = $"at least {minimum} characters, not only letters (add a digit, a space, a punctuation mark or a symbol)";
        var frenchRule = $"au moins {minimum} caractères, pas uniquement des lettres (ajoutez un chiffre, une espace, une ponctuation ou un symbole)";
        var length = password.EnumerateRunes().Count();
        if (password.Length == 0)
        {
            checks.Add(field, "REQUIRED", $"Required: {rule}.", $"Le mot de passe est obligatoire : {frenchRule}.");
        }
        else if (length < minimum)
        {
            checks.Add(field, "TOO_SHORT", $"Too short: {rule}.", $"Mot de passe trop court : {frenchRule}.");
        }
        else if (length > MaxPasswordLength)
        {
            checks.Add(field, "TOO_LONG", $"At most {MaxPasswordLength} characters.",
                $"Le mot de passe ne doit pas dépasser {MaxPasswordLength} caractères.");
        }
        else if (password.EnumerateRunes().All(Rune.IsLetter))
        {
            checks.Add(field, "ONLY_LETTERS", $"Only letters: {rule}.", $"Le mot de passe ne contient que des lettres : {frenchRule}.");
        }
    }

    /// <summary>DisableUser: only an enabled user can be disabled.</summary>
    public static void EnsureCanDisable(bool disabled, bool isSelf)
    {
        if (isSelf)
        {
            // Otherwise the last admin could lock everyone out; another admin disables an admin.
            throw new RuleViolationException("CANNOT_DISABLE_SELF", "An administrator cannot disable their own account.",
                "Vous ne pouvez pas désactiver votre propre compte.");
        }

        if (disabled)
        {
            throw new RuleViolationException("USER_ALREADY_DISABLED", "The user is already disabled.", "Cet utilisateur est déjà désactivé.");
        }
    }

    /// <summary>EnableUser: only a disabled user can be enabled.</summary>
    public static void EnsureCanEnable(bool disabled)
    {
        if (!disabled)
        {
            throw new RuleViolationException("USER_NOT_DISABLED", "The user is not disabled.", "Cet utilisateur n'est pas désactivé.");
        }
    }
}
