using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>
/// The state machine of a bilan: which transition leads from which states to which, and the conditions each
/// transition needs. Conditions are a list per transition that other rules join (consent, convention,
/// synthesis...), never a chain of ifs.
/// </summary>
public sealed class BilanLifecycle(IEnumerable<ITransitionCondition> conditions)
{
    private static readonly Dictionary<BilanTransition, (BilanState[] From, BilanState To)> Table = new()
    {
        [BilanTransition.Start] = ([BilanState.Requested], BilanState.Preliminary),
        [BilanTransition.StartInvestigation] = ([BilanState.Preliminary], BilanState.Investigation),
        [BilanTransition.StartConclusion] = ([BilanState.Investigation], BilanState.Conclusion),
        [BilanTransition.Complete] = ([BilanState.Conclusion], BilanState.Completed),
        [BilanTransition.StartFollowUp] = ([BilanState.Completed], BilanState.FollowUp),
        [BilanTransition.Close] = ([BilanState.Completed, BilanState.FollowUp], BilanState.Closed),
        [BilanTransition.Abandon] = (
            [BilanState.Preliminary, BilanState.Investigation, BilanState.Conclusion, BilanState.Completed, BilanState.FollowUp],
            BilanState.Abandoned),
        [BilanTransition.Cancel] = ([BilanState.Requested], BilanState.Cancelled),
    };

    private readonly IReadOnlyList<ITransitionCondition> _conditions = conditions.ToList();

    /// <summary>The lifecycle with the conditions this module knows; other modules add theirs.</summary>
    public static BilanLifecycle Default => new(TransitionConditions.All);

    /// <summary>The transitions allowed from <paramref name="state"/>, in the order of the table.</summary>
    public static IReadOnlyList<BilanTransition> AllowedFrom(BilanState state) =>
        Table.Where(entry => entry.Value.From.Contains(state)).Select(entry => entry.Key).ToList();

    public static BilanState TargetOf(BilanTransition transition) => Table[transition].To;

    /// <summary>
    /// The state after <paramref name="transition"/>, or a FAILED_PRECONDITION refusal: ILLEGAL_TRANSITION naming
    /// the current state and what is allowed from it, or TRANSITION_CONDITIONS_NOT_MET listing every unmet condition.
    /// </summary>
    public BilanState Apply(BilanState current, BilanTransition transition, BilanFacts facts)
    {
        var (from, to) = Table[transition];
        if (!from.Contains(current))
        {
            throw IllegalTransition(current, transition);
        }

        var failures = _conditions
            .Where(condition => condition.AppliesTo(transition))
            .SelectMany(condition => condition.Check(facts))
            .ToList();
        if (failures.Count > 0)
        {
            throw new RuleViolationException(
                "TRANSITION_CONDITIONS_NOT_MET",
                $"{MethodName(transition)} refused: {string.Join(" ", failures.Select(f => f.Description))}",
                $"Action impossible : {string.Join(" ", failures.Select(f => f.FrenchDescription))}",
                new Dictionary<string, string>
                {
                    ["state"] = ApiNames.Of(current),
                    ["transition"] = MethodName(transition),
                    ["conditions"] = string.Join(",", failures.Select(f => f.Type).Distinct()),
                },
                failures);
        }

        return to;
    }

    /// <summary>The API method that performs <paramref name="transition"/>.</summary>
    public static string MethodName(BilanTransition transition) => transition switch
    {
        BilanTransition.Start => "StartBilan",
        BilanTransition.Complete => "CompleteBilan",
        BilanTransition.Close => "CloseBilan",
        BilanTransition.Abandon => "AbandonBilan",
        BilanTransition.Cancel => "CancelBilan",
        _ => transition.ToString(),
    };

    private static RuleViolationException IllegalTransition(BilanState current, BilanTransition transition)
    {
        var allowed = AllowedFrom(current).Select(MethodName).ToList();
        var allowedText = allowed.Count == 0 ? "nothing (the bilan is over)" : string.Join(", ", allowed);
        return new RuleViolationException(
            "ILLEGAL_TRANSITION",
            $"{MethodName(transition)} is not possible in state {ApiNames.Of(current)}; allowed now: {allowedText}.",
            $"Cette action n'est pas possible : le bilan est à l'état « {FrenchNames.Of(current)} ».",
            new Dictionary<string, string>
            {
                ["state"] = ApiNames.Of(current),
                ["transition"] = MethodName(transition),
                ["allowed_transitions"] = string.Join(",", allowed),
            });
    }
}
