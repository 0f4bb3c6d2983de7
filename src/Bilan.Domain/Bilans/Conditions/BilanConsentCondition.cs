using Bilan.Domain.Errors;

namespace Bilan.Domain.Bilans;

/// <summary>A bilan happens only with the beneficiary's consent (Code du travail L6313-4): it cannot start until
/// that consent is recorded. An employee's refusal is neither a fault nor a ground for dismissal.</summary>
public sealed class BilanConsentCondition : ITransitionCondition
{
    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Start;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        if (!facts.ConsentRecorded)
        {
            yield return new ConditionFailure("BILAN_CONSENT_REQUIRED", "consent",
                "The beneficiary's consent to the bilan is not recorded (L6313-4): record it with ConsentService.RecordBilanConsent first.",
                "Le consentement du bénéficiaire au bilan n'est pas enregistré (art. L6313-4) : enregistrez-le d'abord.");
        }
    }
}
