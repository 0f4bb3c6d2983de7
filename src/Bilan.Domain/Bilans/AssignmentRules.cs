using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>Who carries out a bilan: one active consultant at a time, changed only by a reassignment.</summary>
public static class AssignmentRules
{
    public static void EnsureCanAssign(BilanState state, Guid? currentConsultant, bool consultantActive)
    {
        BilanRules.EnsureUpdatable(state);
        if (currentConsultant is not null)
        {
            throw new RuleViolationException(
                "CONSULTANT_ALREADY_ASSIGNED",
                "The bilan already has a consultant: use ReassignConsultant to hand it over.",
                "Ce bilan a déjà un consultant : utilisez la réaffectation pour le confier à un autre.",
                new Dictionary<string, string> { ["consultant"] = $"consultants/{currentConsultant}" });
        }

        EnsureActive(consultantActive);
    }

    public static void EnsureCanReassign(BilanState state, Guid? currentConsultant, Guid newConsultant, bool consultantActive)
    {
        BilanRules.EnsureUpdatable(state);
        if (currentConsultant is null)
        {
            throw new RuleViolationException(
                "CONSULTANT_NOT_ASSIGNED",
                "The bilan has no consultant yet: use AssignConsultant.",
                "Ce bilan n'a pas encore de consultant : affectez-en un.",
                new Dictionary<string, string>());
        }

        if (currentConsultant == newConsultant)
        {
            throw new RuleViolationException(
                "SAME_CONSULTANT",
                "This consultant already carries out the bilan.",
                "Ce consultant est déjà celui du bilan.",
                new Dictionary<string, string> { ["consultant"] = $"consultants/{newConsultant}" });
        }

        EnsureActive(consultantActive);
    }

    private static void EnsureActive(bool consultantActive)
    {
        if (!consultantActive)
        {
            throw new RuleViolationException(
                "CONSULTANT_INACTIVE",
                "This consultant is inactive: bilans go to active consultants only.",
                "Ce consultant est inactif : un bilan ne peut être confié qu'à un consultant actif.",
                new Dictionary<string, string>());
        }
    }
}
