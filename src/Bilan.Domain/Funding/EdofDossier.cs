using Bilan.Domain.Errors;

namespace Bilan.Domain.Funding;

/// <summary>
/// The allowed moves of an EDOF dossier, a transition being named by the state it leads to.
/// </summary>
/// <remarks>
/// Our reading of the usual EDOF flow (to confirm against the Caisse des Dépôts' EDOF guide before the API uses it):
/// <list type="bullet">
/// <item>notProcessed (the holder's request): the provider validates it (its proposal) or refuses it; the holder
/// may withdraw it; with no answer in time it is cancelled without follow-up.</item>
/// <item>validated (the proposal): the holder accepts it (accepted), or, for a job seeker, it goes to France
/// Travail's instruction (waitingAcceptation); the holder may refuse it; the provider may still withdraw it; with
/// no acceptance in time it is cancelled without follow-up.</item>
/// <item>waitingAcceptation: France Travail agrees (accepted) or refuses (refusedByFunder); the holder may still
/// refuse; with no decision in time it is cancelled without follow-up.</item>
/// <item>accepted: the training starts (inTraining, the entry declared); before that it may be cancelled by the
/// holder, by the provider, by the funder, or declared not realised (the holder did not come).</item>
/// <item>inTraining → terminated (the exit declared, whatever the reason, abandonment included) →
/// serviceDoneDeclared (the provider's "service fait") → serviceDoneValidated (the funder's validation, final).</item>
/// </list>
/// </remarks>
public static class EdofDossier
{
    public const int MaxReasonLength = 1000;

    private static readonly Dictionary<EdofState, EdofState[]> Table = new()
    {
        [EdofState.NotProcessed] =
        [
            EdofState.Validated, EdofState.RefusedByProvider, EdofState.CancelledByHolder, EdofState.CancelledWithoutFollowUp,
        ],
        [EdofState.Validated] =
        [
            EdofState.WaitingAcceptation, EdofState.Accepted, EdofState.RefusedByHolder, EdofState.CancelledByProvider,
            EdofState.CancelledWithoutFollowUp,
        ],
        [EdofState.WaitingAcceptation] =
        [
            EdofState.Accepted, EdofState.RefusedByFunder, EdofState.RefusedByHolder, EdofState.CancelledWithoutFollowUp,
        ],
        [EdofState.Accepted] =
        [
            EdofState.InTraining, EdofState.CancelledByHolder, EdofState.CancelledByHolderNotRealised,
            EdofState.CancelledByProvider, EdofState.CancelledByFunder,
        ],
        [EdofState.InTraining] = [EdofState.Terminated],
        [EdofState.Terminated] = [EdofState.ServiceDoneDeclared],
        [EdofState.ServiceDoneDeclared] = [EdofState.ServiceDoneValidated],
    };

    /// <summary>The states reachable from <paramref name="state"/>, in the order of the table (none from a final state).</summary>
    public static IReadOnlyList<EdofState> AllowedFrom(EdofState state) => Table.TryGetValue(state, out var to) ? to : [];

    public static bool IsFinal(EdofState state) => AllowedFrom(state).Count == 0;

    /// <summary>Whether moving to <paramref name="state"/> is a cancellation or a refusal, which needs a reason.</summary>
    public static bool NeedsReason(EdofState state) => state >= EdofState.CancelledByHolder && state <= EdofState.RefusedByFunder;

    /// <summary>The label staff read, as EDOF shows it.</summary>
    public static string FrenchLabel(EdofState state) => state switch
    {
        EdofState.NotProcessed => "Non traité",
        EdofState.Validated => "Validé",
        EdofState.WaitingAcceptation => "Validé - en cours d'instruction France Travail",
        EdofState.Accepted => "Accepté",
        EdofState.InTraining => "En formation",
        EdofState.Terminated => "Sortie de formation",
        EdofState.ServiceDoneDeclared => "Service fait déclaré",
        EdofState.ServiceDoneValidated => "Service fait validé",
        EdofState.CancelledByHolder => "Annulé par le titulaire",
        EdofState.CancelledByHolderNotRealised => "Annulé par le titulaire (non réalisé)",
        EdofState.CancelledByProvider => "Annulé par l'organisme",
        EdofState.CancelledByFunder => "Annulé par le financeur",
        EdofState.CancelledWithoutFollowUp => "Annulé sans suite",
        EdofState.RefusedByHolder => "Refusé par le titulaire",
        EdofState.RefusedByProvider => "Refusé par l'organisme",
        EdofState.RefusedByFunder => "Refusé par le financeur",
        _ => "inconnu",
    };

    /// <summary>
    /// The dossier's new state <paramref name="to"/>. Throws <see cref="InvalidFieldsException"/> (reason REQUIRED or
    /// TOO_LONG on <c>reason</c>) when a cancellation or refusal has no reason, checked first as the request is then
    /// malformed whatever the state; then <see cref="RuleViolationException"/> ILLEGAL_EDOF_TRANSITION when
    /// <paramref name="to"/> cannot follow <paramref name="current"/>.
    /// </summary>
    public static EdofState Apply(EdofState current, EdofState to, string? reason = null)
    {
        if (NeedsReason(to))
        {
            var checks = new FieldChecks();
            checks.RequireText("reason", reason ?? "", MaxReasonLength, "Le motif");
            InvalidFieldsException.ThrowIfAny(checks.Violations);
        }

        if (!AllowedFrom(current).Contains(to))
        {
            var allowed = AllowedFrom(current).Select(ApiNames.Of).ToList();
            var allowedText = allowed.Count == 0 ? "nothing (the dossier is closed)" : string.Join(", ", allowed);
            throw new RuleViolationException(
                "ILLEGAL_EDOF_TRANSITION",
                $"An EDOF dossier in state {ApiNames.Of(current)} cannot move to {ApiNames.Of(to)}; allowed now: {allowedText}.",
                $"Le dossier EDOF est à l'état « {FrenchLabel(current)} » : il ne peut pas passer à l'état « {FrenchLabel(to)} ».",
                new Dictionary<string, string>
                {
                    ["state"] = ApiNames.Of(current),
                    ["target"] = ApiNames.Of(to),
                    ["allowed"] = string.Join(",", allowed),
                });
        }

        return to;
    }
}
