using Bilan.Server.Api;
using Bilan.Server.Auth;

namespace Bilan.Server.Features.Identity;

/// <summary>A staff user as stored, without their password hash (which only <see cref="LoginRow"/> reads).</summary>
internal sealed record UserRecord(
    Guid Id,
    string Email,
    string DisplayName,
    StaffRole Role,
    Guid? ConsultantId,
    bool Disabled,
    DateTimeOffset? LockedUntil,
    int Version,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime)
{
    public const string Collection = "users";

    public string Name => ResourceName.Format(Collection, Id);

    /// <summary>The columns every read selects, in <see cref="UserRow"/>'s order.</summary>
    public const string Columns = "id, email, display_name, role, consultant_id, disabled, locked_until, version, create_time, update_time";
}

/// <summary>One row of <c>users</c>, as the API shows it.</summary>
internal sealed record UserRow(
    Guid Id,
    string Email,
    string DisplayName,
    short Role,
    Guid? ConsultantId,
    bool Disabled,
    DateTime? LockedUntil,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    public UserRecord ToRecord() => new(
        Id,
        Email,
        DisplayName,
        (StaffRole)Role,
        ConsultantId,
        Disabled,
        LockedUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : null,
        Version,
        new DateTimeOffset(CreateTime, TimeSpan.Zero),
        new DateTimeOffset(UpdateTime, TimeSpan.Zero));
}

/// <summary>One row of <c>users</c> with what a login checks: the password hash and the failed-login count.</summary>
internal sealed record LoginRow(
    Guid Id,
    string Email,
    string DisplayName,
    short Role,
    Guid? ConsultantId,
    bool Disabled,
    DateTime? LockedUntil,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime,
    string PasswordHash,
    int FailedLogins)
{
    public const string Columns = UserRecord.Columns + ", password_hash, failed_logins";

    public UserRecord ToRecord() =>
        new UserRow(Id, Email, DisplayName, Role, ConsultantId, Disabled, LockedUntil, Version, CreateTime, UpdateTime).ToRecord();
}
