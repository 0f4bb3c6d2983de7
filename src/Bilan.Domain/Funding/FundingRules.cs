using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;

namespace Bilan.Domain.Funding;

/// <summary>What a funding line says, as sent by a caller (before defaults).</summary>
public sealed record FundingDetails(
    FunderType FunderType,
    string FunderName,
    long AmountCents,
    DateOnly RequestedDate,
    string Reference,
    int FundedHours);

/// <summary>The checks of a funding line's own fields; every bad field is reported at once.</summary>
public static class FundingRules
{
    /// <summary>The OPCO of the health and social sector, the provider's usual one: the default funder name of an OPCO line.</summary>
    public const string DefaultOpco = "OPCO Santé";

    public const int MaxFunderNameLength = 200;

    public const int MaxReferenceLength = 100;

    /// <summary>A sanity ceiling (100,000 EUR): an amount above is a typing mistake, not a bilan.</summary>
    public const long MaxAmountCents = 10_000_000;

    /// <summary>
    /// The funder name a line gets when none is given: "OPCO Santé" for an OPCO, the funder itself for CPF, France
    /// Travail and the person; employer plans and other funders must be named.
    /// </summary>
    public static string DefaultFunderName(FunderType type) => type switch
    {
        FunderType.Opco => DefaultOpco,
        FunderType.Cpf => "Mon Compte Formation (Caisse des Dépôts)",
        FunderType.FranceTravail => "France Travail",
        FunderType.Personal => "Le bénéficiaire",
        _ => "",
    };

    /// <summary>The line with its defaults applied, or every bad field at once (fields under <paramref name="prefix"/>).</summary>
    public static FundingDetails Validate(FundingDetails details, string prefix, DateOnly today)
    {
        var checks = new FieldChecks();
        var valid = Check(details, prefix, today, checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return valid;
    }

    /// <summary>As <see cref="Validate"/>, adding the bad fields to <paramref name="checks"/> (with the request's other fields).</summary>
    public static FundingDetails Check(FundingDetails details, string prefix, DateOnly today, FieldChecks checks)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(checks);
        checks.RequireDefined($"{prefix}funder_type", details.FunderType, "Le type de financeur");
        var name = details.FunderName.Trim();
        if (name.Length == 0)
        {
            name = DefaultFunderName(details.FunderType);
        }

        if (Enum.IsDefined(details.FunderType) && details.FunderType != FunderType.Unspecified)
        {
            checks.RequireText($"{prefix}funder_name", name, MaxFunderNameLength, "Le nom du financeur");
        }

        if (details.AmountCents <= 0 || details.AmountCents > MaxAmountCents)
        {
            checks.Add($"{prefix}amount_cents", "AMOUNT_OUT_OF_RANGE",
                $"The amount, in euro cents, must be between 1 and {MaxAmountCents}.",
                $"Le montant doit être compris entre 0,01 € et {Money.FrenchText(MaxAmountCents)}.");
        }

        if (details.RequestedDate > today)
        {
            checks.Add($"{prefix}requested_date", "DATE_IN_FUTURE", "The request date cannot be in the future (Paris calendar).",
                "La date de la demande ne peut pas être dans le futur.");
        }

        checks.LimitLength($"{prefix}reference", details.Reference.Trim(), MaxReferenceLength, "La référence");
        var hoursRequired = details.FunderType == FunderType.Cpf;
        if (details.FundedHours < (hoursRequired ? 1 : 0) || details.FundedHours > BilanPolicy.MaximumHours)
        {
            checks.Add($"{prefix}funded_hours", hoursRequired && details.FundedHours == 0 ? "REQUIRED" : "HOURS_OUT_OF_RANGE",
                hoursRequired
                    ? $"Required for a CPF funding: the accompaniment hours funded, 1 to {BilanPolicy.MaximumHours}."
                    : $"The hours funded, 0 to {BilanPolicy.MaximumHours}.",
                hoursRequired
                    ? $"Le nombre d'heures d'accompagnement financées est obligatoire pour le CPF (de 1 à {BilanPolicy.MaximumHours})."
                    : $"Le nombre d'heures financées doit être compris entre 0 et {BilanPolicy.MaximumHours}.");
        }

        return details with { FunderName = name, Reference = details.Reference.Trim() };
    }
}
