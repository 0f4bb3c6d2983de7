using Bilan.Contracts.V1;
using Bilan.Domain;
using DomainFunding = Bilan.Domain.Bilans.FundingSource;
using DomainReason = Bilan.Domain.Bilans.AbandonReason;
using DomainWorkingTime = Bilan.Domain.Bilans.WorkingTime;

namespace Bilan.BackOffice.Formatting;

/// <summary>The choices the bilan forms offer, with their French labels (values are the API's enum numbers).</summary>
public static class PlanChoices
{
    /// <summary>Funding sources (prise en charge).</summary>
    public static IReadOnlyList<Choice> FundingSources { get; } =
        [.. Enum.GetValues<FundingSource>().Where(v => v != FundingSource.Unspecified)
            .Select(v => new Choice((int)v, FrenchNames.Of((DomainFunding)(int)v)))];

    /// <summary>Working time (temps de travail / hors temps de travail).</summary>
    public static IReadOnlyList<Choice> WorkingTimes { get; } =
        [.. Enum.GetValues<WorkingTime>().Where(v => v != WorkingTime.Unspecified)
            .Select(v => new Choice((int)v, Capitalised(FrenchNames.Of((DomainWorkingTime)(int)v))))];

    /// <summary>Why a beneficiary stops a bilan.</summary>
    public static IReadOnlyList<Choice> AbandonReasons { get; } =
        [.. Enum.GetValues<AbandonReason>().Where(v => v != AbandonReason.Unspecified)
            .Select(v => new Choice((int)v, Capitalised(FrenchNames.Of((DomainReason)(int)v))))];

    /// <summary>The text with its first letter in upper case.</summary>
    public static string Capitalised(string text) =>
        string.IsNullOrEmpty(text) ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

/// <summary>One option of a select.</summary>
/// <param name="Value">The API's enum number.</param>
/// <param name="Label">The French label.</param>
public sealed record Choice(int Value, string Label);
