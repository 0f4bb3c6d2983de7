namespace Bilan.Domain.Funding;

/// <summary>
/// What is known of a convention: when the employee received it, and the dates of each signature and of the
/// employee's explicit refusal (null when not, or not yet).
/// </summary>
public sealed record TripartiteConventionFacts(
    DateOnly ReceivedOn,
    DateOnly? EmployeeSignedOn = null,
    DateOnly? EmployeeRefusedOn = null,
    DateOnly? EmployerSignedOn = null,
    DateOnly? ProviderSignedOn = null);
