using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;

namespace Bilan.Domain.Eligibility;

/// <summary>
/// Whether a bilan may take place over a period, given the beneficiary's situations (DOMAIN.md, "When it may
/// take place"): never during maternity leave, carer's leave or a projet de transition professionnelle; during
/// sick leave only with the treating doctor's written agreement when the provider's policy asks for it; freely
/// during the other situations. Anyone may take a bilan, whatever their seniority.
/// </summary>
public static class EligibilityRules
{
    public static EligibilityVerdict Check(IReadOnlyList<SituationPeriod> situations, DateOnly from, DateOnly to, BilanPolicy policy)
    {
        var period = new SituationPeriod(SituationKind.Unspecified, from, to, false);
        var reasons = situations
            .Select((situation, index) => (situation, index))
            .Where(pair => pair.situation.Overlaps(period))
            .Select(pair => ReasonFor(pair.situation, pair.index, policy))
            .ToList();
        return new EligibilityVerdict(reasons);
    }

    private static EligibilityReason ReasonFor(SituationPeriod situation, int index, BilanPolicy policy)
    {
        var dates = Dates(situation);
        var frenchDates = FrenchDates(situation);
        var apiKind = ApiNames.Of(situation.Kind);
        var frenchKind = FrenchNames.Of(situation.Kind);
        if (situation.Kind.ForbidsBilan())
        {
            return new EligibilityReason("SITUATION_FORBIDS_BILAN", true, index, situation.Kind, situation.Start, situation.End,
                $"No bilan may take place during {apiKind} ({dates}).",
                $"Aucun bilan ne peut avoir lieu pendant un {frenchKind} ({frenchDates}).");
        }

        if (situation.Kind == SituationKind.SickLeave && policy.RequireDoctorAgreementDuringSickLeave && !situation.DoctorAgreement)
        {
            return new EligibilityReason("SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT", true, index, situation.Kind, situation.Start, situation.End,
                $"A bilan during sick leave ({dates}) needs the treating doctor's written agreement, not recorded yet (provider policy).",
                $"Un bilan pendant un arrêt de travail ({frenchDates}) demande l'accord écrit du médecin traitant, qui n'est pas enregistré.");
        }

        return new EligibilityReason("SITUATION_ALLOWS_BILAN", false, index, situation.Kind, situation.Start, situation.End,
            $"A bilan may take place during {apiKind} ({dates}).",
            $"Un bilan peut avoir lieu pendant un {frenchKind} ({frenchDates}).");
    }

    private static string Dates(SituationPeriod situation) =>
        situation.End is { } end ? $"from {situation.Start:yyyy-MM-dd} to {end:yyyy-MM-dd}" : $"from {situation.Start:yyyy-MM-dd}, no end date";

    private static string FrenchDates(SituationPeriod situation) =>
        situation.End is { } end
            ? $"du {FrenchCalendar.Format(situation.Start)} au {FrenchCalendar.Format(end)}"
            : $"depuis le {FrenchCalendar.Format(situation.Start)}, sans date de fin";
}
