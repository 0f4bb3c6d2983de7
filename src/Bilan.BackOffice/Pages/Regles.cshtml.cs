using System.Globalization;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages;

/// <summary>
/// « Règles appliquées »: the policy values in force on the server (PolicyService.GetPolicy) and the dated CPF
/// values (FundingService.GetCpfPolicy), in French with their source. Every staff role; GET only, nothing changes.
/// Each part is read on its own: one failing does not hide the other.
/// </summary>
public sealed class ReglesModel(
    PolicyService.PolicyServiceClient policies,
    FundingService.FundingServiceClient fundings,
    ILogger<ReglesModel> logger) : PageModel
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>The policy values, one row each; empty when they could not be read.</summary>
    public IReadOnlyList<RuleRow> Rules { get; private set; } = [];

    /// <summary>The CPF dated values, one row per value and date; empty when they could not be read.</summary>
    public IReadOnlyList<CpfRow> Cpf { get; private set; } = [];

    /// <summary>The French message when the policy values could not be read.</summary>
    public string? RulesError { get; private set; }

    /// <summary>The French message when the CPF values could not be read.</summary>
    public string? CpfError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rules = RulesAsync(cancellationToken);
        var cpf = CpfAsync(cancellationToken);
        await Task.WhenAll(rules, cpf);
    }

    private async Task RulesAsync(CancellationToken cancellationToken)
    {
        try
        {
            Rules = RowsOf(await policies.GetPolicyAsync(new GetPolicyRequest(), cancellationToken: cancellationToken));
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("GetPolicy refused: {StatusCode}", exception.StatusCode);
            RulesError = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    private async Task CpfAsync(CancellationToken cancellationToken)
    {
        try
        {
            Cpf = RowsOf(await fundings.GetCpfPolicyAsync(new GetCpfPolicyRequest(), cancellationToken: cancellationToken));
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("GetCpfPolicy refused: {StatusCode}", exception.StatusCode);
            CpfError = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    /// <summary>The policy values as the page shows them, in French, with their source.</summary>
    public static IReadOnlyList<RuleRow> RowsOf(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return
        [
            new("Minimum d'heures d'accompagnement effectif par bilan", $"{policy.MinimumEffectiveHours} h", "Décret de 2026 sur l'accompagnement effectif (réglage du prestataire, 13 h par défaut)"),
            new("Maximum d'heures d'accompagnement par bilan", $"{policy.MaximumHours} h", "Article L6313-4 du Code du travail (fixé par la loi)"),
            new("Accord écrit du médecin traitant pendant un arrêt maladie", policy.RequireDoctorAgreementDuringSickLeave ? "exigé" : "non exigé", "Bonne pratique, exigée par certains financeurs (réglage, exigé par défaut)"),
            new("Durée d'un entretien", $"de {policy.MinimumInterviewMinutes} à {policy.MaximumInterviewMinutes} minutes", "Pratique du prestataire (réglage, 15 à 480 minutes par défaut)"),
            new("Conservation des documents après la fin du bilan", Years(policy.RetentionYears), "Article R6313-7 du Code du travail : 3 ans au plus (réglage, 3 ans par défaut)"),
            new("Délai de l'entretien de suivi après la fin du bilan", $"{policy.FollowUpDelayMonths} mois", "Article R6313-4 3° du Code du travail, pratique d'environ 6 mois (réglage, 6 mois par défaut)"),
            new("Accusé de réception d'une réclamation", Days(policy.ComplaintAcknowledgeWithinDays), "Engagement du prestataire, Qualiopi indicateur 31 (réglage, 7 jours par défaut)"),
            new("Réponse à une réclamation", Days(policy.ComplaintAnswerWithinDays), "Engagement du prestataire, Qualiopi indicateur 31 (réglage, 30 jours par défaut)"),
            new("Alerte « échéance proche »", $"{Days(policy.AlertUpcomingWindowDays)} avant l'échéance", "Pratique du prestataire (réglage, 7 jours par défaut)"),
            new("Alerte « heures prévues proches du plafond »", $"à partir de {policy.AlertPlannedHoursThreshold} h prévues", "Plafond de l'article L6313-4 du Code du travail (réglage, 20 h par défaut)"),
            new("Alerte « bilan sans activité »", $"après {Days(policy.AlertIdleDays)} sans événement", "Pratique du prestataire (réglage, 21 jours par défaut)"),
        ];
    }

    /// <summary>The CPF dated values, series by series, oldest first, with the values in force today marked.</summary>
    public static IReadOnlyList<CpfRow> RowsOf(CpfPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var inForce = policy.InForce ?? new CpfTerms();
        return
        [
            .. policy.CapPerBilan.Select(v => Row("Plafond de prise en charge CPF par bilan", v, Euros(v.Value), inForce.CapEffectiveDate)),
            .. policy.HolderContribution.Select(v => Row("Participation forfaitaire du titulaire", v, Euros(v.Value), inForce.HolderContributionEffectiveDate)),
            .. policy.PublicBilanLookbackYears.Select(v => Row("Délai après un bilan financé sur fonds publics", v, Years((int)v.Value), inForce.PublicBilanLookbackEffectiveDate)),
        ];
    }

    private static CpfRow Row(string label, DatedAmount value, string text, Google.Type.Date? inForceFrom) =>
        new(label, CalendarDates.Format(value.EffectiveDate), text, inForceFrom is not null && inForceFrom.Equals(value.EffectiveDate));

    private static string Euros(long cents) => (cents / 100m).ToString("#,##0.00", French) + " €";

    private static string Days(int days) => days > 1 ? $"{days} jours" : $"{days} jour";

    private static string Years(int years) => years > 1 ? $"{years} ans" : $"{years} an";
}

/// <summary>One policy value: what, its value in force, where it comes from.</summary>
public sealed record RuleRow(string Label, string Value, string Source);

/// <summary>One dated CPF value: what, from which day, the value, whether it is the one in force today.</summary>
public sealed record CpfRow(string Label, string From, string Value, bool InForce);
