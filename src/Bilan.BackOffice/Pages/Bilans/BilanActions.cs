using Bilan.BackOffice.Security;
using Bilan.Domain;
using Bilan.Domain.Bilans;
using Bilan.Domain.Interviews;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// What a user may do on a bilan now, from the lifecycle table of <see cref="BilanLifecycle"/> and the role: admins
/// and consultants (on their own bilans, the only ones they see) move it along; support only reads. The API checks
/// again; this only keeps impossible buttons off the page.
/// </summary>
public static class BilanActions
{
    /// <summary>Whether the role changes bilans (transitions, interviews).</summary>
    public static bool IsPractitioner(string? role) => role is SessionClaims.AdminRole or SessionClaims.ConsultantRole;

    /// <summary>The transitions offered for a bilan in <paramref name="state"/> to a user with <paramref name="role"/>.</summary>
    public static IReadOnlyList<ActionView> For(BilanState state, string? role) =>
        IsPractitioner(role)
            ? [.. BilanLifecycle.AllowedFrom(state).Select(transition => new ActionView(transition, KeyOf(transition), FrenchNames.Of(transition)))]
            : [];

    /// <summary>Whether interviews can be planned for a bilan in <paramref name="state"/> by <paramref name="role"/>.</summary>
    public static bool MaySchedule(BilanState state, string? role) => IsPractitioner(role) && InterviewRules.TakesInterviews(state);

    /// <summary>The form and button id of a transition, for example <c>demarrer</c>.</summary>
    public static string KeyOf(BilanTransition transition) => transition switch
    {
        BilanTransition.Start => "demarrer",
        BilanTransition.StartInvestigation => "investigation",
        BilanTransition.StartConclusion => "conclusion",
        BilanTransition.Complete => "terminer",
        BilanTransition.StartFollowUp => "suivi",
        BilanTransition.Close => "cloturer",
        BilanTransition.Abandon => "abandonner",
        BilanTransition.Cancel => "annuler",
        _ => transition.ToString().ToLowerInvariant(),
    };
}

/// <summary>One transition button of the detail page.</summary>
/// <param name="Transition">The transition.</param>
/// <param name="Key">Stable id part (<c>action-demarrer</c>) for tests and browsers.</param>
/// <param name="Label">The French button text.</param>
public sealed record ActionView(BilanTransition Transition, string Key, string Label)
{
    /// <summary>Abandon needs a reason.</summary>
    public bool NeedsReason => Transition == BilanTransition.Abandon;
}
