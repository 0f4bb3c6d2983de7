namespace Bilan.Domain.Errors;

/// <summary>
/// One invalid field of a request. <see cref="Field"/> is its path with proto field names
/// (<c>planned_hours</c>, <c>situations[1].end_date</c>); <see cref="Reason"/> a stable UPPER_SNAKE_CASE code;
/// <see cref="Description"/> English for integrators; <see cref="FrenchDescription"/> what staff read.
/// </summary>
public sealed record FieldViolation(string Field, string Reason, string Description, string FrenchDescription)
{
    /// <summary>The same violation seen from an enclosing message: <c>email</c> under <c>beneficiary</c>.</summary>
    public FieldViolation Under(string parent) => this with { Field = $"{parent}.{Field}" };
}
