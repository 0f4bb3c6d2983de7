using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Google.Protobuf.Collections;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>Between the proto <see cref="Proto.Beneficiary"/> and the domain's <see cref="BeneficiaryDetails"/>.</summary>
internal static class BeneficiaryMapping
{
    public static Proto.Beneficiary ToProto(this BeneficiaryRecord record)
    {
        var details = record.Details;
        var beneficiary = new Proto.Beneficiary
        {
            Name = record.Name,
            GivenName = details.GivenName,
            FamilyName = details.FamilyName,
            Email = details.Email,
            Phone = details.Phone,
            PublicCategory = (Proto.PublicCategory)details.PublicCategory,
            Employer = details.Employer is { } employer
                ? new Proto.Employer { Siret = employer.Siret, DisplayName = employer.DisplayName }
                : null,
            CreateTime = ProtoConversions.ToTimestamp(record.CreateTime),
            UpdateTime = ProtoConversions.ToTimestamp(record.UpdateTime),
            Etag = Etag.Of(record.Version),
            Organization = record.OrganizationId is { } organization ? ResourceName.Format(OrganizationScope.Collection, organization) : "",
        };
        beneficiary.Situations.AddRange(details.Situations.Select(s => new Proto.SituationPeriod
        {
            Kind = (Proto.SituationKind)s.Kind,
            StartDate = ProtoConversions.ToProtoDate(s.Start),
            EndDate = ProtoConversions.ToProtoDate(s.End),
            DoctorAgreement = s.DoctorAgreement,
        }));
        return beneficiary;
    }

    /// <summary>
    /// The details a request asks for: the fields in <paramref name="paths"/> from <paramref name="request"/>,
    /// the others from <paramref name="current"/>. Every violation, of format or of rule, is thrown at once
    /// with its path under <c>beneficiary</c>.
    /// </summary>
    public static BeneficiaryDetails ToDetails(Proto.Beneficiary request, BeneficiaryDetails current, IReadOnlySet<string> paths)
    {
        var checks = new FieldChecks();
        var details = new BeneficiaryDetails(
            paths.Contains("given_name") ? request.GivenName.Trim() : current.GivenName,
            paths.Contains("family_name") ? request.FamilyName.Trim() : current.FamilyName,
            paths.Contains("email") ? request.Email.Trim() : current.Email,
            paths.Contains("phone") ? request.Phone.Trim() : current.Phone,
            paths.Contains("public_category") ? (PublicCategory)request.PublicCategory : current.PublicCategory,
            paths.Contains("employer") ? ToEmployer(request.Employer) : current.Employer,
            paths.Contains("situations") ? ToSituations(request.Situations, checks) : current.Situations);
        checks.AddRange(BeneficiaryRules.Validate(details));
        InvalidFieldsException.ThrowIfAny(checks.Violations.Select(v => v.Under("beneficiary")).ToList());
        return details;
    }

    /// <summary>The updatable fields, which are also all the fields a create sets (the organisation apart).</summary>
    public static readonly IReadOnlyCollection<string> UpdatableFields =
        ["given_name", "family_name", "email", "phone", "public_category", "employer", "situations", "organization"];

    /// <summary>What a new beneficiary starts from: nothing, so that every field comes from the request.</summary>
    public static readonly BeneficiaryDetails Empty = new("", "", "", "", PublicCategory.Unspecified, null, []);

    private static Domain.Beneficiaries.Employer? ToEmployer(Proto.Employer? employer) =>
        employer is null ? null : new Domain.Beneficiaries.Employer(employer.Siret.Trim(), employer.DisplayName.Trim());

    private static List<SituationPeriod> ToSituations(RepeatedField<Proto.SituationPeriod> situations, FieldChecks checks) =>
        situations.Select((s, i) => new SituationPeriod(
                (SituationKind)s.Kind,
                ProtoConversions.RequireDateOnly(s.StartDate, $"situations[{i}].start_date", checks),
                ProtoConversions.ToDateOnly(s.EndDate, $"situations[{i}].end_date", checks),
                s.DoctorAgreement))
            .ToList();
}
