namespace Bilan.Domain.Errors;

/// <summary>
/// A well-formed request that a rule refuses given the current state of things (the API answers
/// FAILED_PRECONDITION). <see cref="Reason"/> is a stable UPPER_SNAKE_CASE code for integrators;
/// <see cref="Metadata"/> carries the facts the message states (article of law, current state, ...);
/// <see cref="FrenchMessage"/> is what staff read in the back-office; <see cref="Failures"/> lists each unmet
/// condition when the rule has several.
/// </summary>
public sealed class RuleViolationException(
    string reason,
    string message,
    string frenchMessage,
    IReadOnlyDictionary<string, string>? metadata = null,
    IReadOnlyList<ConditionFailure>? failures = null) : Exception(message)
{
    public IReadOnlyList<ConditionFailure> Failures { get; } = failures ?? [];

    public string Reason { get; } = reason;

    public string FrenchMessage { get; } = frenchMessage;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();
}
