using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>
/// The conclusion phase ends with the written synthesis handed to the beneficiary (R6313-4 3°): a bilan completes
/// only once the current version of its synthesis is delivered.
/// </summary>
public sealed class SynthesisDeliveredCondition : ITransitionCondition
{
    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Complete;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        if (!facts.SynthesisDelivered)
        {
            yield return new ConditionFailure("SYNTHESIS_DELIVERED_REQUIRED", "synthesis",
                "The written synthesis has not been delivered to the beneficiary: write it, then record its delivery with DeliverSynthesis.",
                "La synthèse écrite n'a pas été remise au bénéficiaire : rédigez-la puis enregistrez sa remise.");
        }
    }
}
