using Bilan.Domain.Consultants;
using Bilan.Server.Api;

namespace Bilan.Server.Features.Consultants;

/// <summary>A consultant as stored.</summary>
internal sealed record ConsultantRecord(Guid Id, ConsultantDetails Details, int Version, DateTimeOffset CreateTime, DateTimeOffset UpdateTime)
{
    public const string Collection = "consultants";

    public string Name => ResourceName.Format(Collection, Id);

    /// <summary>The columns every read selects, in <see cref="ConsultantRow"/>'s order.</summary>
    public const string Columns = "id, display_name, email, active, version, create_time, update_time";
}

/// <summary>One row of <c>consultants</c>.</summary>
internal sealed record ConsultantRow(
    Guid Id,
    string DisplayName,
    string Email,
    bool Active,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    public ConsultantRecord ToRecord() => new(
        Id,
        new ConsultantDetails(DisplayName, Email, Active),
        Version,
        new DateTimeOffset(CreateTime, TimeSpan.Zero),
        new DateTimeOffset(UpdateTime, TimeSpan.Zero));
}
