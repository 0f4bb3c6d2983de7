using Bilan.Domain.Errors;
using Bilan.Domain.Organizations;
using Bilan.Server.Api;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Organizations;

/// <summary>Between the proto <see cref="Proto.Organization"/> and the domain's <see cref="OrganizationDetails"/>.</summary>
internal static class OrganizationMapping
{
    public static Proto.Organization ToProto(this OrganizationRecord record) => new()
    {
        Name = record.Name,
        DisplayName = record.Details.DisplayName,
        Siret = record.Details.Siret ?? "",
        CreateTime = ProtoConversions.ToTimestamp(record.CreateTime),
        UpdateTime = ProtoConversions.ToTimestamp(record.UpdateTime),
        Etag = Etag.Of(record.Version),
    };

    /// <summary>
    /// The details a request asks for: the fields in <paramref name="paths"/> from <paramref name="request"/>,
    /// the others from <paramref name="current"/>; an empty SIRET is none. Every violation is thrown at once
    /// with its path under <c>organization</c>.
    /// </summary>
    public static OrganizationDetails ToDetails(Proto.Organization request, OrganizationDetails current, IReadOnlySet<string> paths)
    {
        var details = new OrganizationDetails(
            paths.Contains("display_name") ? request.DisplayName.Trim() : current.DisplayName,
            paths.Contains("siret") ? NoneIfEmpty(request.Siret.Trim()) : current.Siret);
        InvalidFieldsException.ThrowIfAny(OrganizationRules.Validate(details).Select(v => v.Under("organization")).ToList());
        return details;
    }

    /// <summary>The fields UpdateOrganization may change.</summary>
    public static readonly IReadOnlyCollection<string> UpdatableFields = ["display_name", "siret"];

    /// <summary>The fields a create takes from the request: all the updatable ones.</summary>
    public static readonly IReadOnlySet<string> CreateFields = new HashSet<string>(UpdatableFields, StringComparer.Ordinal);

    /// <summary>What a new organization starts from: nothing, so that every field comes from the request.</summary>
    public static readonly OrganizationDetails Empty = new("", null);

    private static string? NoneIfEmpty(string value) => value.Length == 0 ? null : value;
}
