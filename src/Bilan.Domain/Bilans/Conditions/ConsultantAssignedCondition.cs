using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>A bilan is carried out with a consultant: it cannot start without one.</summary>
public sealed class ConsultantAssignedCondition : ITransitionCondition
{
    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Start;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        if (!facts.HasConsultant)
        {
            yield return new ConditionFailure("CONSULTANT_REQUIRED", "consultant",
                "No consultant is assigned: assign one with AssignConsultant first.",
                "Aucun consultant n'est affecté au bilan : affectez-en un d'abord.");
        }
    }
}
