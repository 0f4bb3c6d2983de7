using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Funding;

/// <summary>Why the holder pays no flat contribution on a CPF dossier (same numbers as the API's ContributionExemption).</summary>
public enum ContributionExemption
{
    /// <summary>The holder pays the contribution (or none applies at that date).</summary>
    None = 0,
    JobSeeker = 1,
    CoFunded = 2,
}

/// <summary>The holder's flat contribution on a CPF dossier: the amount, the dated value it comes from, or the exemption.</summary>
public sealed record HolderContribution(long Cents, DatedValue? Applied, ContributionExemption Exemption);

/// <summary>An earlier funding line of the same beneficiary, for the 5-year rule.</summary>
public sealed record PriorFunding(string Bilan, FunderType FunderType, DateOnly RequestedDate);

/// <summary>
/// The CPF rules of DOMAIN.md ("Funding"), with the figures of <see cref="CpfPolicy"/> in force on the funding's
/// request date. Each refusal says which value and which date of effect it used (ErrorInfo metadata and messages).
/// </summary>
public static class CpfRules
{
    /// <summary>
    /// Checks a CPF funding line; throws the first rule it breaks: CPF_HOURS_NOT_FUNDABLE, CPF_CAP_EXCEEDED,
    /// CPF_RECENT_PUBLIC_BILAN.
    /// </summary>
    public static void EnsureFundable(long amountCents, int fundedHours, int accompanimentHours, CpfTerms terms, IEnumerable<PriorFunding> priorFundings)
    {
        var violation = CheckFundableHours(fundedHours, accompanimentHours)
            ?? CheckCap(amountCents, terms)
            ?? CheckNoRecentPublicBilan(terms, priorFundings);
        if (violation is not null)
        {
            throw violation;
        }
    }

    /// <summary>
    /// Only accompaniment hours are fundable: the hours a CPF line pays for cannot exceed the bilan's planned
    /// accompaniment (at most 24 h, L6313-4).
    /// </summary>
    public static RuleViolationException? CheckFundableHours(int fundedHours, int accompanimentHours) =>
        fundedHours <= accompanimentHours
            ? null
            : new RuleViolationException(
                "CPF_HOURS_NOT_FUNDABLE",
                $"The CPF funds accompaniment hours only: {fundedHours} h asked, but the bilan plans {accompanimentHours} h of accompaniment.",
                $"Le CPF ne finance que les heures d'accompagnement : {fundedHours} h demandées, mais le bilan prévoit {accompanimentHours} h d'accompagnement.",
                new Dictionary<string, string>
                {
                    ["funded_hours"] = Number(fundedHours),
                    ["accompaniment_hours"] = Number(accompanimentHours),
                });

    /// <summary>CPF_CAP_EXCEEDED when the amount is above the cap per bilan in force (none before the cap's first date).</summary>
    public static RuleViolationException? CheckCap(long amountCents, CpfTerms terms)
    {
        if (terms.CapPerBilanCents is not { } cap || amountCents <= cap.Value)
        {
            return null;
        }

        return new RuleViolationException(
            "CPF_CAP_EXCEEDED",
            $"The CPF pays at most {Money.English(cap.Value)} per bilan (value in force since {cap.EffectiveFromIso}, for a request of {FrenchCalendar.Iso(terms.Date)}); {Money.English(amountCents)} asked. The excess is paid by the person unless another funder co-funds it.",
            $"Le CPF finance au plus {Money.FrenchText(cap.Value)} par bilan (valeur en vigueur depuis le {FrenchCalendar.Format(cap.EffectiveFrom)}, pour une demande du {FrenchCalendar.Format(terms.Date)}) ; {Money.FrenchText(amountCents)} demandés. Le reste est à la charge de la personne, sauf cofinancement.",
            new Dictionary<string, string>
            {
                ["amount_cents"] = Number(amountCents),
                ["cap_cents"] = Number(cap.Value),
                ["effective_date"] = cap.EffectiveFromIso,
                ["requested_date"] = FrenchCalendar.Iso(terms.Date),
            });
    }

    /// <summary>
    /// CPF_RECENT_PUBLIC_BILAN when the beneficiary had a publicly funded bilan (CPF, OPCO or France Travail,
    /// not refused) requested within the look-back in force before this request.
    /// </summary>
    public static RuleViolationException? CheckNoRecentPublicBilan(CpfTerms terms, IEnumerable<PriorFunding> priorFundings)
    {
        if (terms.PublicBilanLookbackYears is not { } lookback)
        {
            return null;
        }

        var since = terms.Date.AddYears(-(int)lookback.Value);
        var recent = priorFundings
            .Where(prior => prior.FunderType.IsPublic() && prior.RequestedDate > since && prior.RequestedDate <= terms.Date)
            .OrderByDescending(prior => prior.RequestedDate)
            .FirstOrDefault();
        if (recent is null)
        {
            return null;
        }

        return new RuleViolationException(
            "CPF_RECENT_PUBLIC_BILAN",
            $"The CPF funds no bilan for a person who had a publicly funded bilan in the previous {lookback.Value} years (value in force since {lookback.EffectiveFromIso}): {recent.Bilan} was funded by {ApiNames.Of(recent.FunderType)} on a request of {FrenchCalendar.Iso(recent.RequestedDate)}.",
            $"Le CPF ne finance pas de bilan pour une personne qui a eu un bilan financé sur fonds publics dans les {lookback.Value} années précédentes (règle en vigueur depuis le {FrenchCalendar.Format(lookback.EffectiveFrom)}) : un bilan financé par {FunderTypes.FrenchLabel(recent.FunderType)} a été demandé le {FrenchCalendar.Format(recent.RequestedDate)}.",
            new Dictionary<string, string>
            {
                ["lookback_years"] = Number(lookback.Value),
                ["effective_date"] = lookback.EffectiveFromIso,
                ["previous_bilan"] = recent.Bilan,
                ["previous_funder_type"] = ApiNames.Of(recent.FunderType),
                ["previous_requested_date"] = FrenchCalendar.Iso(recent.RequestedDate),
                ["requested_date"] = FrenchCalendar.Iso(terms.Date),
            });
    }

    /// <summary>
    /// The holder's flat contribution: none for a job seeker or a co-funded dossier; else the value in force on the
    /// request date (none before 2 May 2024).
    /// </summary>
    public static HolderContribution Contribution(CpfTerms terms, PublicCategory category, bool coFunded)
    {
        if (category == PublicCategory.JobSeeker)
        {
            return new HolderContribution(0, null, ContributionExemption.JobSeeker);
        }

        if (coFunded)
        {
            return new HolderContribution(0, null, ContributionExemption.CoFunded);
        }

        return terms.HolderContributionCents is { } value
            ? new HolderContribution(value.Value, value, ContributionExemption.None)
            : new HolderContribution(0, null, ContributionExemption.None);
    }

    /// <summary>
    /// A CPF dossier is co-funded when another funder than the CPF and the person themself (an employer, an OPCO,
    /// France Travail, another) also funds the bilan, with a request not refused.
    /// </summary>
    public static bool IsCoFunder(FunderType type, FundingStatus status) =>
        type is not (FunderType.Cpf or FunderType.Personal or FunderType.Unspecified) && status != FundingStatus.Refused;

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
