using Bilan.Domain.Errors;
using Bilan.Domain.Funding;

namespace Bilan.Domain.Bilans;

/// <summary>
/// A bilan funded by the employer's plan de développement des compétences starts only once the tripartite convention
/// between employer, employee and provider is signed by all three (Code du travail R6313-8). The employee has 10 days
/// from receiving it to sign; silence is refusal, and refusing is not a fault.
/// </summary>
/// <remarks>
/// The employer's plan funds the bilan when its funding source is EMPLOYER_PLAN, or when it is CO_FUNDED and one of
/// its funding lines is of funder type EMPLOYER_PLAN and not refused (requested, accepted or paid): R6313-8 asks for
/// the convention whenever the employer's plan takes a part, alone or beside other funders. A requested line counts,
/// since the convention must be signed before the start, whatever the employer decides later; a refused line funds
/// nothing. Other funding sources (CPF, OPCO, France Travail, personal) name a single funder other than the
/// employer's plan: the condition does not apply to them.
/// </remarks>
public sealed class TripartiteConventionSignedCondition : ITransitionCondition
{
    public const string Type = "TRIPARTITE_CONVENTION_NOT_SIGNED";

    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Start;

    /// <summary>Whether the employer's plan funds the bilan, so that it needs the convention (R6313-8; see the remarks).</summary>
    public static bool IsRequired(BilanFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.FundingSource switch
        {
            FundingSource.EmployerPlan => true,
            FundingSource.CoFunded => facts.FundingLines.Any(line => line.FunderType == FunderType.EmployerPlan && !line.Refused),
            _ => false,
        };
    }

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        if (!IsRequired(facts))
        {
            yield break;
        }

        var (english, french) = Why(facts);
        if (english is not null)
        {
            var (englishBilan, frenchBilan) = facts.FundingSource == FundingSource.CoFunded
                ? ("A co-funded bilan with a funding line from the employer's plan (funder type EMPLOYER_PLAN, not refused)",
                    "Un bilan cofinancé dont une prise en charge non refusée relève du plan de développement des compétences de l'employeur")
                : ("A bilan funded by the employer's plan", "Un bilan financé par le plan de développement des compétences de l'employeur");
            yield return new ConditionFailure(Type, "convention",
                $"{englishBilan} needs the tripartite convention signed by the employer, the employee and the provider (Code du travail R6313-8): {english}",
                $"{frenchBilan} exige la convention tripartite signée par l'employeur, le salarié et le prestataire (article R6313-8 du Code du travail) : {french}");
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
                $"signature manquante : {string.Join(", ", status.MissingSignatures.Select(FrenchNames.Of))}" +
                    (status.SignatureDeadline is { } f ? $" (le salarié au plus tard le {FrenchCalendar.Format(f)})." : ".")),
        };
    }
}
