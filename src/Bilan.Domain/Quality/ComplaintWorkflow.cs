using Bilan.Domain.Errors;

namespace Bilan.Domain.Quality;

/// <summary>
/// The handling of a complaint: RECEIVED → ACKNOWLEDGED → (IN_PROGRESS) → RESOLVED or REJECTED. A complaint is
/// acknowledged before it is answered, so that the complainant always knows it was received (Qualiopi indicator 31:
/// complaints are collected, handled and answered).
/// </summary>
public static class ComplaintWorkflow
{
    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> Table = new()
    {
        [ComplaintStatus.Received] = [ComplaintStatus.Acknowledged],
        [ComplaintStatus.Acknowledged] = [ComplaintStatus.InProgress, ComplaintStatus.Resolved, ComplaintStatus.Rejected],
        [ComplaintStatus.InProgress] = [ComplaintStatus.Resolved, ComplaintStatus.Rejected],
    };

    /// <summary>The statuses reachable from <paramref name="status"/> (none once answered).</summary>
    public static IReadOnlyList<ComplaintStatus> AllowedFrom(ComplaintStatus status) => Table.TryGetValue(status, out var to) ? to : [];

    /// <summary>Answered: nothing changes any more.</summary>
    public static bool IsClosed(ComplaintStatus status) => status is ComplaintStatus.Resolved or ComplaintStatus.Rejected;

    /// <summary>The French label staff read.</summary>
    public static string FrenchLabel(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => "reçue",
        ComplaintStatus.Acknowledged => "accusé de réception envoyé",
        ComplaintStatus.InProgress => "en cours de traitement",
        ComplaintStatus.Resolved => "traitée",
        ComplaintStatus.Rejected => "rejetée (non fondée)",
        _ => "inconnu",
    };

    /// <summary>
    /// The complaint's new status <paramref name="to"/>, or FAILED_PRECONDITION ILLEGAL_COMPLAINT_TRANSITION (metadata
    /// <c>status</c>, <c>target</c>, <c>allowed</c>) when it cannot follow <paramref name="current"/>.
    /// </summary>
    public static ComplaintStatus Apply(ComplaintStatus current, ComplaintStatus to)
    {
        if (AllowedFrom(current).Contains(to))
        {
            return to;
        }

        var allowed = AllowedFrom(current).Select(ApiNames.Of).ToList();
        var allowedText = allowed.Count == 0 ? "nothing (the complaint was answered)" : string.Join(", ", allowed);
        var french = IsClosed(current)
            ? $"Cette réclamation est déjà {FrenchLabel(current)} : elle ne change plus."
            : $"Cette réclamation est « {FrenchLabel(current)} » : elle ne peut pas passer à « {FrenchLabel(to)} »"
              + (current == ComplaintStatus.Received ? " avant l'accusé de réception." : ".");
        throw new RuleViolationException(
            "ILLEGAL_COMPLAINT_TRANSITION",
            $"A complaint in status {ApiNames.Of(current)} cannot move to {ApiNames.Of(to)}; allowed now: {allowedText}.",
            french,
            new Dictionary<string, string>
            {
                ["status"] = ApiNames.Of(current),
                ["target"] = ApiNames.Of(to),
                ["allowed"] = string.Join(",", allowed),
            });
    }

    /// <summary>A complaint answered is not corrected any more: FAILED_PRECONDITION COMPLAINT_CLOSED.</summary>
    public static void EnsureOpen(ComplaintStatus current)
    {
        if (IsClosed(current))
        {
            throw new RuleViolationException(
                "COMPLAINT_CLOSED",
                $"This complaint was answered ({ApiNames.Of(current)}): it is not changed any more.",
                $"Cette réclamation est déjà {FrenchLabel(current)} : elle ne peut plus être modifiée.",
                new Dictionary<string, string> { ["status"] = ApiNames.Of(current) });
        }
    }
}
