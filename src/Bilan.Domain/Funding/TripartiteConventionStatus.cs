namespace Bilan.Domain.Funding;

/// <summary>
/// The status on a date. <see cref="SignatureDeadline"/> is the employee's last day to sign, set while the employee
/// has not answered; <see cref="MissingSignatures"/> lists who has yet to sign while awaiting signatures.
/// </summary>
public sealed record TripartiteConventionStatus(
    TripartiteConventionStatusKind Kind,
    DateOnly? SignatureDeadline,
    IReadOnlyList<ConventionParty> MissingSignatures);
