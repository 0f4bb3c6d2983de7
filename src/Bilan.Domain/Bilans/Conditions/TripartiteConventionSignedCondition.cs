using Bilan.Domain.Errors;
using Bilan.Domain.Funding;

namespace Bilan.Domain.Bilans;

/// <summary>
/// A bilan funded by the employer's plan de développement des compétences starts only once the tripartite convention
/// between employer, employee and provider is signed by all three (Code du travail R6313-8). The employee has 10 days
/// from receiving it to sign; silence is refusal, and refusing is not a fault.
/// </summary>
/// <remarks>
/// Applies to funding source EMPLOYER_PLAN only. A co-funded bilan (CO_FUNDED) does not say which funders share it,
/// so the API cannot know whether the employer's plan is one of them: the condition does not apply to it, and staff
/// record a convention for it anyway when the employer's plan takes a part (the convention service accepts one for
/// any bilan).
/// </remarks>
public sealed class TripartiteConventionSignedCondition : ITransitionCondition
{
    public const string Type = "TRIPARTITE_CONVENTION_NOT_SIGNED";

    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Start;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.FundingSource != FundingSource.EmployerPlan)
        {
            yield break;
        }

        var (english, french) = Why(facts);
        if (english is not null)
        {
            yield return new ConditionFailure(Type, "convention",
                $"A bilan funded by the employer's plan needs the tripartite convention signed by the employer, the employee and the provider (Code du travail R6313-8): {english}",
                $"Un bilan financé par le plan de développement des compétences de l'employeur exige la convention tripartite signée par l'employeur, le salarié et le prestataire (article R6313-8 du Code du travail) : {french}");
        }
    }

    private static (string? English, string French) Why(BilanFacts facts)
    {
        if (!facts.ConventionDrafted)
        {
            return ("no convention is drafted yet (ConventionService.UpdateConvention).", "aucune convention n'est encore rédigée.");
        }

        if (facts.Convention is not { } convention)
        {
            return ("the convention has not been sent to the employee yet (ConventionService.SendConvention).",
                "la convention n'a pas encore été remise au salarié.");
        }

        var status = TripartiteConvention.StatusOn(convention, facts.Today);
        return status.Kind switch
        {
            TripartiteConventionStatusKind.Signed => (null, ""),
            TripartiteConventionStatusKind.Refused => ("the employee refused it; a new convention is needed.",
                "le salarié l'a refusée ; une nouvelle convention est nécessaire."),
            TripartiteConventionStatusKind.DeemedRefused => (
                $"the employee did not sign it within {TripartiteConvention.EmployeeDays} days of receiving it (by {TripartiteConvention.SignatureDeadline(convention.ReceivedOn):yyyy-MM-dd}): silence is refusal; a new convention is needed.",
                $"le salarié ne l'a pas signée dans les {TripartiteConvention.EmployeeDays} jours suivant sa réception (au plus tard le {FrenchCalendar.Format(TripartiteConvention.SignatureDeadline(convention.ReceivedOn))}) : son silence vaut refus ; une nouvelle convention est nécessaire."),
            _ => (
                $"still to sign: {string.Join(", ", status.MissingSignatures.Select(p => p.ToString().ToLowerInvariant()))}" +
                    (status.SignatureDeadline is { } d ? $" (the employee by {d:yyyy-MM-dd})." : "."),
                $"signature manquante : {string.Join(", ", status.MissingSignatures.Select(FrenchParty))}" +
                    (status.SignatureDeadline is { } f ? $" (le salarié au plus tard le {FrenchCalendar.Format(f)})." : ".")),
        };
    }

    public static string FrenchParty(ConventionParty party) => party switch
    {
        ConventionParty.Employee => "salarié",
        ConventionParty.Employer => "employeur",
        ConventionParty.Provider => "prestataire",
        _ => "inconnu",
    };
}
