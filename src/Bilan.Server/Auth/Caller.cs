namespace Bilan.Server.Auth;

/// <summary>The roles of staff users.</summary>
public enum StaffRole
{
    Unspecified = 0,

    /// <summary>Everything, including users, organisations and API keys.</summary>
    Admin = 1,

    /// <summary>The bilans assigned to them, and what those bilans need.</summary>
    Consultant = 2,

    /// <summary>Reads metadata and history to help users; never confidential content; changes nothing.</summary>
    Support = 3,
}

/// <summary>
/// Who makes a call, once authenticated: a staff user (with a role, and a consultant for consultant users) or an
/// API client acting for its organisation (an employer's HR software). <see cref="Actor"/> is what the history
/// records: <c>users/{id}</c> or <c>organizations/{id}/apiKeys/{id}</c>.
/// </summary>
public sealed record Caller(string Actor, StaffRole Role, Guid? UserId, Guid? ConsultantId, Guid? OrganizationId)
{
    public bool IsApiClient => OrganizationId is not null && UserId is null;

    public bool IsAdmin => Role == StaffRole.Admin;

    public static Caller User(Guid userId, StaffRole role, Guid? consultantId) =>
        new($"users/{userId}", role, userId, role == StaffRole.Consultant ? consultantId : null, null);

    public static Caller ApiClient(Guid organizationId, Guid apiKeyId) =>
        new($"organizations/{organizationId}/apiKeys/{apiKeyId}", StaffRole.Unspecified, null, null, organizationId);
}
