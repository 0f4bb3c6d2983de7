namespace Bilan.Domain.Bilans;

/// <summary>How a bilan is planned: the fields a request sets and staff may change before the bilan ends.</summary>
public sealed record BilanPlan(
    WorkingTime WorkingTime,
    FundingSource FundingSource,
    int PlannedHours,
    DateOnly? PlannedStartDate,
    DateOnly? PlannedEndDate);
