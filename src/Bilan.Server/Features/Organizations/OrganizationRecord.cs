using Bilan.Domain.Organizations;
using Bilan.Server.Api;

namespace Bilan.Server.Features.Organizations;

/// <summary>An organization as stored.</summary>
internal sealed record OrganizationRecord(Guid Id, OrganizationDetails Details, int Version, DateTimeOffset CreateTime, DateTimeOffset UpdateTime)
{
    public const string Collection = "organizations";

    public string Name => ResourceName.Format(Collection, Id);

    /// <summary>The columns every read selects, in <see cref="OrganizationRow"/>'s order.</summary>
    public const string Columns = "id, display_name, siret, version, create_time, update_time";
}

/// <summary>One row of <c>organizations</c>.</summary>
internal sealed record OrganizationRow(
    Guid Id,
    string DisplayName,
    string? Siret,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    public OrganizationRecord ToRecord() => new(
        Id,
        new OrganizationDetails(DisplayName, Siret),
        Version,
        new DateTimeOffset(CreateTime, TimeSpan.Zero),
        new DateTimeOffset(UpdateTime, TimeSpan.Zero));
}
