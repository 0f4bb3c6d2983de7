using Bilan.Domain.Consultants;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Consultants;

/// <summary>Between the proto <see cref="Proto.Consultant"/> and the domain's <see cref="ConsultantDetails"/>.</summary>
internal static class ConsultantMapping
{
    public static Proto.Consultant ToProto(this ConsultantRecord record) => new()
    {
        Name = record.Name,
        DisplayName = record.Details.DisplayName,
        Email = record.Details.Email,
        Active = record.Details.Active,
        CreateTime = ProtoConversions.ToTimestamp(record.CreateTime),
        UpdateTime = ProtoConversions.ToTimestamp(record.UpdateTime),
        Etag = Etag.Of(record.Version),
    };

    /// <summary>
    /// The details a request asks for: the fields in <paramref name="paths"/> from <paramref name="request"/>,
    /// the others from <paramref name="current"/>. Every violation is thrown at once with its path under
    /// <c>consultant</c>.
    /// </summary>
    public static ConsultantDetails ToDetails(Proto.Consultant request, ConsultantDetails current, IReadOnlySet<string> paths)
    {
        var details = new ConsultantDetails(
            paths.Contains("display_name") ? request.DisplayName.Trim() : current.DisplayName,
            paths.Contains("email") ? request.Email.Trim() : current.Email,
            paths.Contains("active") ? request.Active : current.Active);
        InvalidFieldsException.ThrowIfAny(ConsultantRules.Validate(details).Select(v => v.Under("consultant")).ToList());
        return details;
    }

    /// <summary>The fields UpdateConsultant may change.</summary>
    public static readonly IReadOnlyCollection<string> UpdatableFields = ["display_name", "email", "active"];

    /// <summary>The fields a create takes from the request: <c>active</c> is output only there.</summary>
    public static readonly IReadOnlySet<string> CreateFields = new HashSet<string>(StringComparer.Ordinal) { "display_name", "email" };

    /// <summary>What a new consultant starts from: active, every other field from the request.</summary>
    public static readonly ConsultantDetails New = new("", "", Active: true);
}
