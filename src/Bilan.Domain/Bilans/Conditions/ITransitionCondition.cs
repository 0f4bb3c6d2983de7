using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>One condition a transition needs; a transition is refused with every condition it fails.</summary>
public interface ITransitionCondition
{
    bool AppliesTo(BilanTransition transition);

    /// <summary>The ways <paramref name="facts"/> fail this condition; none when it holds.</summary>
    IEnumerable<ConditionFailure> Check(BilanFacts facts);
}
