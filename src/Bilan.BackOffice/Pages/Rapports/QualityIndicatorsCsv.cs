using System.Globalization;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;

namespace Bilan.BackOffice.Pages.Rapports;

/// <summary>
/// The quality indicators as a CSV file for French spreadsheets: UTF-8 with a byte order mark, <c>;</c> between
/// fields, decimal comma, dates <c>dd/MM/yyyy</c>; rates in percent. A rate that cannot be computed is left empty.
/// </summary>
public static class QualityIndicatorsCsv
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The file's rows (header first): indicator, value, unit.</summary>
    public static IReadOnlyList<string[]> Rows(QualityIndicators indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        return
        [
            ["Indicateur", "Valeur", "Unité"],
            ["Début de la période", CalendarDates.Format(indicators.StartDate), "date"],
            ["Fin de la période", CalendarDates.Format(indicators.EndDate), "date"],
            ["Bilans démarrés", Count(indicators.BilansStarted), "bilans"],
            ["Bilans terminés", Count(indicators.BilansCompleted), "bilans"],
            ["Bilans abandonnés", Count(indicators.BilansAbandoned), "bilans"],
            ["Bilans achevés (terminés ou abandonnés)", Count(indicators.BilansEnded), "bilans"],
            ["Taux de réalisation", Percent(indicators.HasCompletionRate, indicators.CompletionRate), "%"],
            ["Taux d'abandon", Percent(indicators.HasAbandonmentRate, indicators.AbandonmentRate), "%"],
            ["Questionnaires de satisfaction (bilans terminés)", Count(indicators.SurveyCount), "questionnaires"],
            ["Taux de réponse", Percent(indicators.HasResponseRate, indicators.ResponseRate), "%"],
            ["Note moyenne de satisfaction", indicators.HasAverageScore ? indicators.AverageScore.ToString("0.00", French) : "", "sur 5"],
            ["Bénéficiaires satisfaits (note 4 ou 5)", Percent(indicators.HasSatisfiedRate, indicators.SatisfiedRate), "%"],
            ["Réclamations reçues", Count(indicators.ComplaintsReceived), "réclamations"],
            ["Réclamations traitées", Count(indicators.ComplaintsResolved), "réclamations"],
            ["Réclamations rejetées", Count(indicators.ComplaintsRejected), "réclamations"],
        ];
    }

    /// <summary>The file's bytes: BOM, then one line per row, CRLF-terminated.</summary>
    public static byte[] Build(QualityIndicators indicators) => FrenchCsv.Build(Rows(indicators));

    /// <summary>The file name, for example <c>indicateurs-qualite-2027-01-01-au-2027-12-31.csv</c>.</summary>
    public static string FileName(DateOnly start, DateOnly end) =>
        string.Create(CultureInfo.InvariantCulture, $"indicateurs-qualite-{start:yyyy-MM-dd}-au-{end:yyyy-MM-dd}.csv");

    private static string Count(int value) => value.ToString(French);

    private static string Percent(bool has, double rate) => has ? (rate * 100).ToString("0.0", French) : "";

}
