namespace Bilan.Domain.Funding;

/// <summary>The status of the authorisation on a date; <see cref="AnswerDeadline"/> is set while awaiting the answer.</summary>
public sealed record CpfAuthorisationStatus(CpfAuthorisationStatusKind Kind, DateOnly? AnswerDeadline = null);
