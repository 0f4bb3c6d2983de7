using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Features.Beneficiaries;

namespace Bilan.Server.Features.Bilans;

/// <summary>A bilan as stored.</summary>
internal sealed record BilanRecord(
    Guid Id,
    Guid BeneficiaryId,
    BilanState State,
    BilanPlan Plan,
    Guid? ConsultantId,
    int Version,
    DateTimeOffset CreateTime,
    DateTimeOffset UpdateTime,
    AbandonReason AbandonReason = AbandonReason.Unspecified,
    Guid? OrganizationId = null)
{
    public const string Collection = "bilans";

    /// <summary>The columns every read selects, in <see cref="BilanRow"/>'s order.</summary>
    public const string Columns = """
        b.id, b.beneficiary_id, b.state, b.working_time, b.funding_source, b.planned_hours,
        b.planned_start_date, b.planned_end_date, b.consultant_id, b.version, b.create_time, b.update_time, b.abandon_reason, b.organization_id
        """;

    public string Name => ResourceName.Format(Collection, Id);

    public string BeneficiaryName => ResourceName.Format(BeneficiaryRecord.Collection, BeneficiaryId);
}

/// <summary>One row of <c>bilans</c>.</summary>
internal sealed record BilanRow(
    Guid Id,
    Guid BeneficiaryId,
    short State,
    short WorkingTime,
    short FundingSource,
    short PlannedHours,
    DateOnly? PlannedStartDate,
    DateOnly? PlannedEndDate,
    Guid? ConsultantId,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime,
    short? AbandonReason,
    Guid? OrganizationId)
{
    public BilanRecord ToRecord() => new(
        Id,
        BeneficiaryId,
        (BilanState)State,
        new BilanPlan((Domain.Bilans.WorkingTime)WorkingTime, (Domain.Bilans.FundingSource)FundingSource, PlannedHours, PlannedStartDate, PlannedEndDate),
        ConsultantId,
        Version,
        new DateTimeOffset(CreateTime, TimeSpan.Zero),
        new DateTimeOffset(UpdateTime, TimeSpan.Zero),
        (Domain.Bilans.AbandonReason)(AbandonReason ?? 0),
        OrganizationId);
}
