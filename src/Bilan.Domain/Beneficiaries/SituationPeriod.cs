namespace Bilan.Domain.Beneficiaries;

/// <summary>A period of the beneficiary's situation; <see cref="End"/> is inclusive, null while open-ended.</summary>
public sealed record SituationPeriod(SituationKind Kind, DateOnly Start, DateOnly? End, bool DoctorAgreement)
{
    public bool Overlaps(SituationPeriod other) =>
        Start <= (other.End ?? DateOnly.MaxValue) && other.Start <= (End ?? DateOnly.MaxValue);
}
