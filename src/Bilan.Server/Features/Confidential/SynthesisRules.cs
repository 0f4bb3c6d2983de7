using Bilan.Domain;
using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;

namespace Bilan.Server.Features.Confidential;

/// <summary>When the synthesis may change (R6313-4 3°). Messages name states and versions, never content.</summary>
internal static class SynthesisRules
{
    /// <summary>Delivery and revision: the conclusion phase, or after it while the bilan lasts.</summary>
    public static bool MayDeliverOrRevise(BilanState state) =>
        state is BilanState.Conclusion or BilanState.Completed or BilanState.FollowUp;

    public static void EnsureState(BilanState state, bool allowed, string action)
    {
        if (!allowed)
        {
            throw new RuleViolationException("SYNTHESIS_NOT_ALLOWED_IN_STATE",
                $"The synthesis cannot be {action} while the bilan is in state {ApiNames.Of(state)}.",
                $"La synthèse ne peut pas être modifiée ou remise : le bilan est à l'état « {FrenchNames.Of(state)} ».",
                new Dictionary<string, string> { ["state"] = ApiNames.Of(state) });
        }
    }

    public static void EnsureNotDestroyed(SynthesisRecord? current)
    {
        if (current is { Destroyed: true })
        {
            throw new RuleViolationException("SYNTHESIS_DESTROYED",
                "The synthesis was destroyed with the documents of the bilan (R6313-7).",
                "La synthèse a été détruite avec les documents du bilan.");
        }
    }

    public static void EnsureNotDelivered(SynthesisRecord? current)
    {
        if (current is { Delivered: true })
        {
            throw new RuleViolationException("SYNTHESIS_DELIVERED",
                $"Version {current.Version} of the synthesis was delivered and is frozen: use ReviseSynthesis to start a new version.",
                $"La version {current.Version} de la synthèse a été remise au bénéficiaire : créez une nouvelle version pour la modifier.",
                new Dictionary<string, string> { ["version"] = current.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    public static SynthesisRecord EnsureExists(SynthesisRecord? current, Guid bilanId) =>
        current ?? throw new Api.ResourceNotFoundException(SynthesisRecord.Format(bilanId), "Aucune synthèse n'a encore été rédigée pour ce bilan.");

    /// <summary>The sections a delivery needs: all but the beneficiary's observations.</summary>
    public static void EnsureComplete(SynthesisRecord synthesis)
    {
        var failures = new List<ConditionFailure>();
        void Require(string field, string value, string french)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add(new ConditionFailure("SECTION_REQUIRED", field, $"The section {field} is empty.", $"La section « {french} » est vide."));
            }
        }

        Require("circumstances", synthesis.Circumstances, "circonstances du bilan");
        Require("skills_and_options", synthesis.SkillsAndOptions, "compétences et pistes envisagées");
        Require("project_and_steps", synthesis.ProjectAndSteps, "projet et principales étapes");
        if (failures.Count > 0)
        {
            throw new RuleViolationException("SYNTHESIS_INCOMPLETE",
                $"The synthesis cannot be delivered with empty sections: {string.Join(", ", failures.Select(f => f.Subject))}.",
                "La synthèse ne peut pas être remise : des sections obligatoires sont vides.",
                new Dictionary<string, string> { ["empty_sections"] = string.Join(",", failures.Select(f => f.Subject)) },
                failures);
        }
    }
}
