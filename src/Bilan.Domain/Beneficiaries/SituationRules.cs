using Bilan.Domain.Errors;

namespace Bilan.Domain.Beneficiaries;

/// <summary>The field rules of a beneficiary's situation periods.</summary>
public static class SituationRules
{
    public static IReadOnlyList<FieldViolation> Validate(IReadOnlyList<SituationPeriod> situations)
    {
        var checks = new FieldChecks();
        if (situations.Count > BeneficiaryRules.MaxSituations)
        {
            checks.Add("situations", "TOO_MANY", $"At most {BeneficiaryRules.MaxSituations} periods.",
                $"Au plus {BeneficiaryRules.MaxSituations} périodes de situation.");
            return checks.Violations;
        }

        for (var i = 0; i < situations.Count; i++)
        {
            CheckPeriod(checks, $"situations[{i}]", situations[i]);
        }

        CheckNoOverlapOfSameKind(checks, situations);
        return checks.Violations;
    }

    private static void CheckPeriod(FieldChecks checks, string path, SituationPeriod period)
    {
        checks.RequireDefined($"{path}.kind", period.Kind, "Le type de situation");
        if (period.End is { } end && end < period.Start)
        {
            checks.Add($"{path}.end_date", "END_BEFORE_START", "Must be on or after start_date.",
                "La date de fin doit être égale ou postérieure à la date de début.");
        }

        if (period.DoctorAgreement && period.Kind != SituationKind.SickLeave)
        {
            checks.Add($"{path}.doctor_agreement", "NOT_APPLICABLE", "Only recorded for a sick leave.",
                "L'accord du médecin ne concerne que l'arrêt de travail.");
        }
    }

    private static void CheckNoOverlapOfSameKind(FieldChecks checks, IReadOnlyList<SituationPeriod> situations)
    {
        for (var i = 0; i < situations.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (situations[i].Kind == situations[j].Kind && situations[i].Overlaps(situations[j]))
                {
                    checks.Add($"situations[{i}]", "OVERLAP",
                        $"Overlaps situations[{j}], a period of the same kind.",
                        $"Cette période chevauche la période n° {j + 1} du même type.");
                }
            }
        }
    }
}
