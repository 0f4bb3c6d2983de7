using System.Globalization;
using Bilan.Contracts.V1;

namespace Bilan.BackOffice.Pages.Qualite;

/// <summary>The French words of the quality pages: statuses, channels, complainants, dates and rates.</summary>
public static class QualityLabels
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The statuses, in the order of the handling, with their French names.</summary>
    public static IReadOnlyList<(ComplaintStatus Value, string Label)> Statuses { get; } =
        [.. Enum.GetValues<ComplaintStatus>().Where(s => s != ComplaintStatus.Unspecified).Select(s => (s, Of(s)))];

    /// <summary>The channels with their French names.</summary>
    public static IReadOnlyList<(ComplaintChannel Value, string Label)> Channels { get; } =
        [.. Enum.GetValues<ComplaintChannel>().Where(c => c != ComplaintChannel.Unspecified).Select(c => (c, Of(c)))];

    /// <summary>Who may complain, with their French names.</summary>
    public static IReadOnlyList<(Complainant Value, string Label)> Complainants { get; } =
        [.. Enum.GetValues<Complainant>().Where(c => c != Complainant.Unspecified).Select(c => (c, Of(c)))];

    public static string Of(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Received => "reçue",
        ComplaintStatus.Acknowledged => "accusé de réception envoyé",
        ComplaintStatus.InProgress => "en cours de traitement",
        ComplaintStatus.Resolved => "traitée",
        ComplaintStatus.Rejected => "rejetée (non fondée)",
        _ => "inconnu",
    };

    public static string Of(ComplaintChannel channel) => channel switch
    {
        ComplaintChannel.Email => "courriel",
        ComplaintChannel.Letter => "courrier",
        ComplaintChannel.Phone => "téléphone",
        ComplaintChannel.InPerson => "en personne",
        ComplaintChannel.WebForm => "formulaire du site",
        ComplaintChannel.Other => "autre",
        _ => "inconnu",
    };

    public static string Of(Complainant complainant) => complainant switch
    {
        Complainant.Beneficiary => "bénéficiaire",
        Complainant.Employer => "employeur",
        Complainant.Funder => "financeur",
        Complainant.Other => "autre",
        _ => "inconnu",
    };

    /// <summary>A rate from 0 to 1 as a French percentage with one decimal (<c>71,4 %</c>), or a dash when there is none.</summary>
    public static string Percent(double? rate) => rate is { } value ? (value * 100).ToString("0.0", French) + " %" : "—";

    /// <summary>The part of the API's messages the pages use: today in Paris.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return Domain.FrenchCalendar.DateOf(clock.GetUtcNow());
    }
}
