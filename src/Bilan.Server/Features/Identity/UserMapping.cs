using Bilan.Domain.Errors;
using Bilan.Domain.Identity;
using Bilan.Server.Api;
using Bilan.Server.Features.Consultants;
using Proto = Bilan.Contracts.V1;
using StaffRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Features.Identity;

/// <summary>Between the proto <see cref="Proto.User"/> and <see cref="UserRecord"/>; the checks of a new user.</summary>
internal static class UserMapping
{
    /// <summary>The user as the API shows it at <paramref name="now"/>: <c>locked_until</c> only while the lock lasts.</summary>
    public static Proto.User ToProto(this UserRecord record, DateTimeOffset now) => new()
    {
        Name = record.Name,
        Email = record.Email,
        DisplayName = record.DisplayName,
        Role = (Proto.StaffRole)record.Role,
        Consultant = record.ConsultantId is { } consultantId ? ResourceName.Format(ConsultantRecord.Collection, consultantId) : "",
        Disabled = record.Disabled,
        LockedUntil = LoginLockout.IsLocked(record.LockedUntil, now) ? ProtoConversions.ToTimestamp(record.LockedUntil!.Value) : null,
        CreateTime = ProtoConversions.ToTimestamp(record.CreateTime),
        UpdateTime = ProtoConversions.ToTimestamp(record.UpdateTime),
        Etag = Etag.Of(record.Version),
    };

    /// <summary>
    /// What CreateUser asks for, checked: every bad field of <paramref name="user"/> (under <c>user</c>) and of the
    /// password (under <paramref name="passwordField"/>) is thrown at once.
    /// </summary>
    public static NewUser ToNewUser(Proto.User? user, string password, string passwordField, IdentityPolicy policy)
    {
        var violations = new List<FieldViolation>();
        NewUser? result = null;
        if (user is null)
        {
            violations.Add(new FieldViolation("user", "REQUIRED", "Required.", "L'utilisateur est obligatoire."));
        }
        else
        {
            var checks = new FieldChecks();
            var email = user.Email.Trim();
            var displayName = user.DisplayName.Trim();
            UserRules.CheckProfile(checks, email, displayName);
            var role = (StaffRole)user.Role;
            checks.RequireDefined("role", role, "Le rôle");
            var consultantId = ConsultantOf(checks, user.Consultant, role);
            violations.AddRange(checks.Violations.Select(v => v.Under("user")));
            result = new NewUser(email, displayName, role, consultantId);
        }

        var passwordChecks = new FieldChecks();
        UserRules.CheckPassword(passwordChecks, passwordField, password, policy);
        violations.AddRange(passwordChecks.Violations);
        InvalidFieldsException.ThrowIfAny(violations);
        return result!;
    }

    /// <summary>The consultant of a new user: required and well-formed for a consultant, absent for any other known role.</summary>
    private static Guid? ConsultantOf(FieldChecks checks, string consultant, StaffRole role)
    {
        var roleKnown = role != StaffRole.Unspecified && Enum.IsDefined(role);
        if (roleKnown)
        {
            UserRules.CheckConsultantLink(checks, "consultant", role == StaffRole.Consultant, consultant.Length > 0);
        }

        if (consultant.Length == 0 || (roleKnown && role != StaffRole.Consultant))
        {
            return null;
        }

        if (ResourceName.TryParseId(consultant, ConsultantRecord.Collection, out var id))
        {
            return id;
        }

        checks.AddRange([ResourceName.Violation(consultant, ConsultantRecord.Collection, "consultant")]);
        return null;
    }
}

/// <summary>The checked fields of a user to create.</summary>
internal sealed record NewUser(string Email, string DisplayName, StaffRole Role, Guid? ConsultantId);
