namespace Bilan.Domain.Errors;

/// <summary>
/// One unmet condition of a rule (the API lists them in a <c>google.rpc.PreconditionFailure</c>):
/// <see cref="Type"/> a stable UPPER_SNAKE_CASE code, <see cref="Subject"/> what it is about
/// (<c>situations[0]</c>, <c>consultant</c>), the description for integrators and the French text for staff.
/// </summary>
public sealed record ConditionFailure(string Type, string Subject, string Description, string FrenchDescription);
