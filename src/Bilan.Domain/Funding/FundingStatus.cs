using Bilan.Domain.Errors;

namespace Bilan.Domain.Funding;

/// <summary>Where a funding request stands (same numbers as the API's FundingStatus).</summary>
public enum FundingStatus
{
    Unspecified = 0,
    Requested = 1,
    Accepted = 2,
    Refused = 3,
    Paid = 4,
}

/// <summary>
/// The moves of a funding request: REQUESTED → ACCEPTED or REFUSED (the funder's decision), ACCEPTED → PAID (the
/// money received). REFUSED and PAID are final. A move from any other state is refused with the moves allowed now.
/// </summary>
public static class FundingLifecycle
{
    public const int MaxReasonLength = 1000;

    private static readonly Dictionary<FundingStatus, FundingStatus[]> Table = new()
    {
        [FundingStatus.Requested] = [FundingStatus.Accepted, FundingStatus.Refused],
        [FundingStatus.Accepted] = [FundingStatus.Paid],
    };

    public static IReadOnlyList<FundingStatus> AllowedFrom(FundingStatus status) => Table.TryGetValue(status, out var to) ? to : [];

    /// <summary>The custom method that leads to <paramref name="status"/>, as integrators call it.</summary>
    public static string MethodTo(FundingStatus status) => status switch
    {
        FundingStatus.Accepted => "AcceptFunding",
        FundingStatus.Refused => "RefuseFunding",
        FundingStatus.Paid => "MarkFundingPaid",
        _ => status.ToString(),
    };

    public static string FrenchLabel(FundingStatus status) => status switch
    {
        FundingStatus.Requested => "demandée",
        FundingStatus.Accepted => "accordée",
        FundingStatus.Refused => "refusée",
        FundingStatus.Paid => "payée",
        _ => "inconnue",
    };

    /// <summary>Checks that <paramref name="to"/> may follow <paramref name="current"/>; FUNDING_ILLEGAL_TRANSITION otherwise.</summary>
    public static FundingStatus Apply(FundingStatus current, FundingStatus to)
    {
        if (AllowedFrom(current).Contains(to))
        {
            return to;
        }

        var allowed = AllowedFrom(current).Select(MethodTo).ToList();
        var allowedText = allowed.Count == 0 ? "nothing (the status is final)" : string.Join(", ", allowed);
        var frenchAllowed = AllowedFrom(current).Count == 0
            ? "aucun changement n'est plus possible"
            : "changements possibles : " + string.Join(", ", AllowedFrom(current).Select(FrenchLabel));
        throw new RuleViolationException(
            "FUNDING_ILLEGAL_TRANSITION",
            $"A funding in status {ApiNames.Of(current)} cannot become {ApiNames.Of(to)}; allowed now: {allowedText}.",
            $"La prise en charge est {FrenchLabel(current)} : elle ne peut pas devenir {FrenchLabel(to)} ({frenchAllowed}).",
            new Dictionary<string, string>
            {
                ["status"] = ApiNames.Of(current),
                ["target"] = ApiNames.Of(to),
                ["allowed"] = string.Join(",", allowed),
            });
    }
}
