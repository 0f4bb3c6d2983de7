using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Consultants;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Bilans;

/// <summary>Between the proto <see cref="Proto.Bilan"/> and the domain's <see cref="BilanPlan"/>.</summary>
internal static class BilanMapping
{
    /// <summary>The updatable fields, which are also the plan fields a create sets.</summary>
    public static readonly IReadOnlyCollection<string> UpdatableFields =
        ["working_time", "funding_source", "planned_hours", "planned_start_date", "planned_end_date"];

    /// <summary>What a new bilan's plan starts from: nothing, so that every field comes from the request.</summary>
    public static readonly BilanPlan Empty = new(Domain.Bilans.WorkingTime.Unspecified, Domain.Bilans.FundingSource.Unspecified, 0, null, null);

    public static Proto.Bilan ToProto(this BilanRecord record) => new()
    {
        Name = record.Name,
        Beneficiary = record.BeneficiaryName,
        State = (Proto.Bilan.Types.State)record.State,
        WorkingTime = (Proto.WorkingTime)record.Plan.WorkingTime,
        FundingSource = (Proto.FundingSource)record.Plan.FundingSource,
        PlannedHours = record.Plan.PlannedHours,
        PlannedStartDate = ProtoConversions.ToProtoDate(record.Plan.PlannedStartDate),
        PlannedEndDate = ProtoConversions.ToProtoDate(record.Plan.PlannedEndDate),
        Consultant = record.ConsultantId is { } consultant ? ResourceName.Format(ConsultantRecord.Collection, consultant) : "",
        CreateTime = ProtoConversions.ToTimestamp(record.CreateTime),
        UpdateTime = ProtoConversions.ToTimestamp(record.UpdateTime),
        Etag = Etag.Of(record.Version),
        AbandonReason = (Proto.AbandonReason)record.AbandonReason,
        Organization = record.OrganizationId is { } organization ? ResourceName.Format(OrganizationScope.Collection, organization) : "",
    };

    /// <summary>
    /// The plan a request asks for: the fields in <paramref name="paths"/> from <paramref name="request"/>, the
    /// others from <paramref name="current"/>. Every violation is thrown at once, under <c>bilan</c>, together
    /// with <paramref name="otherViolations"/> found by the caller.
    /// </summary>
    public static BilanPlan ToPlan(
        Proto.Bilan request, BilanPlan current, IReadOnlySet<string> paths, BilanPolicy policy, IEnumerable<FieldViolation>? otherViolations = null)
    {
        var checks = new FieldChecks();
        var plan = new BilanPlan(
            paths.Contains("working_time") ? (Domain.Bilans.WorkingTime)request.WorkingTime : current.WorkingTime,
            paths.Contains("funding_source") ? (Domain.Bilans.FundingSource)request.FundingSource : current.FundingSource,
            paths.Contains("planned_hours") ? request.PlannedHours : current.PlannedHours,
            paths.Contains("planned_start_date")
                ? ProtoConversions.ToDateOnly(request.PlannedStartDate, "planned_start_date", checks)
                : current.PlannedStartDate,
            paths.Contains("planned_end_date")
                ? ProtoConversions.ToDateOnly(request.PlannedEndDate, "planned_end_date", checks)
                : current.PlannedEndDate);
        checks.AddRange(BilanRules.Validate(plan, policy));
        var violations = checks.Violations.Select(v => v.Under("bilan")).Concat(otherViolations ?? []).ToList();
        InvalidFieldsException.ThrowIfAny(violations);
        return plan;
    }
}
