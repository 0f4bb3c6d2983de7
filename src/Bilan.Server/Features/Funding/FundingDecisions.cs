using Bilan.Domain.Errors;
using Bilan.Domain.Funding;

namespace Bilan.Server.Features.Funding;

/// <summary>The checks shared by the status changes: the day of a decision or payment against the line's dates.</summary>
internal static class FundingDecisions
{
    /// <summary>A decision or payment <paramref name="date"/> not before <paramref name="notBefore"/> (the request or the decision).</summary>
    public static void EnsureNotBefore(DateOnly date, DateOnly notBefore, string field, string what, string frenchWhat)
    {
        if (date < notBefore)
        {
            throw new InvalidFieldsException([new FieldViolation(field, "DATE_BEFORE_" + what.ToUpperInvariant(),
                $"Cannot be before the {what} date ({notBefore:yyyy-MM-dd}).",
                $"Cette date ne peut pas précéder la date {frenchWhat} ({Domain.FrenchCalendar.Format(notBefore)}).")]);
        }
    }

    /// <summary>The status move, checked against the lifecycle table (FUNDING_ILLEGAL_TRANSITION otherwise).</summary>
    public static FundingRecord Move(FundingRecord current, FundingStatus to) =>
        current with { Status = (short)FundingLifecycle.Apply(current.FundingStatus, to) };
}
