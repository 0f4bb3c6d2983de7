using Bilan.Domain.Alerts;
using Bilan.Domain.Bilans;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.WorkingTimeAuthorizations;
using Dapper;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// The employer's authorisation of a CPF bilan on working time, even partly (Code du travail D6323-4), for bilans still
/// REQUESTED with a planned start. Not requested yet: due at the end of the latest request date (planned start − 60
/// days) in Paris, shown within the upcoming window and overdue after. Requested and awaiting the employer's answer:
/// a notice due when the employer's silence becomes acceptance (the start of the deemed-granted date in Paris), shown
/// within the upcoming window; never overdue, since from then on it is granted. Dates and status are the
/// authorisation's own (<see cref="CpfWorkingTimeAuthorisation"/>).
/// </summary>
internal sealed class WorkingTimeAuthorizationAlerts : IAlertSource
{
    public Callers VisibleTo => Callers.Staff;

    public async Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var conditions = query.ScopeBilans();
        conditions.Add("b.state = @Requested", ("Requested", (short)BilanState.Requested));
        conditions.Add("b.funding_source = @Cpf", ("Cpf", (short)FundingSource.Cpf));
        conditions.Add("b.working_time IN (@During, @PartlyDuring)", ("During", (short)WorkingTime.During), ("PartlyDuring", (short)WorkingTime.PartlyDuring));
        conditions.Add("b.planned_start_date IS NOT NULL");
        // Not asked yet, or asked and not answered (an answer, granted or refused, needs no alert).
        conditions.Add("(a.bilan_id IS NULL OR a.answer = 0)");
        var sql = $"""
            SELECT b.id, b.planned_start_date, a.request_date
            FROM bilans b
            LEFT JOIN working_time_authorizations a ON a.bilan_id = b.id
            {conditions.Where}
            """;
        var rows = await query.Connection.QueryAsync<Row>(new CommandDefinition(sql, conditions.Parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => ToAlert(row, query)).OfType<AlertItem>()];
    }

    private static AlertItem? ToAlert(Row row, AlertQuery query)
    {
        var name = SingletonName.Format(row.Id, AuthorizationRecord.Segment);
        var start = row.PlannedStartDate;
        if (row.RequestDate is not { } requested)
        {
            var latest = CpfWorkingTimeAuthorisation.LatestRequestDate(start);
            var due = AlertTiming.EndOfDay(latest);
            if (!AlertTiming.Shows(due, query.Now, query.Policy))
            {
                return null;
            }

            var severity = AlertTiming.SeverityOf(due, query.Now);
            return new AlertItem(AlertKind.WorkingTimeAuthorization, severity, name, row.Id, DisplayName: null, due, () => NotRequested(start, latest, severity));
        }

        var status = CpfWorkingTimeAuthorisation.StatusOn(new CpfAuthorisationRequest(requested), start, query.Today);
        var deemed = CpfWorkingTimeAuthorisation.DeemedGrantedDate(requested);
        var effective = AlertTiming.StartOfDay(deemed);
        if (status.Kind != CpfAuthorisationStatusKind.AwaitingAnswer || !AlertTiming.Shows(effective, query.Now, query.Policy))
        {
            return null;
        }

        return new AlertItem(AlertKind.WorkingTimeAuthorization, AlertSeverity.Upcoming, name, row.Id, DisplayName: null, effective, () => AwaitingAnswer(requested, deemed));
    }

    private static AlertWording NotRequested(DateOnly start, DateOnly latest, AlertSeverity severity)
    {
        var days = CpfWorkingTimeAuthorisation.MinimumDaysBeforeStart;
        return severity == AlertSeverity.Overdue
            ? new($"CPF bilan on working time: the employer's authorisation was not asked by {AlertText.IsoDate(latest)}, {days} days before the planned start on {AlertText.IsoDate(start)} (Code du travail D6323-4). Move the planned start, or hold the bilan outside working time.",
                  $"Bilan financé par le CPF sur le temps de travail : l'autorisation de l'employeur n'a pas été demandée au plus tard le {AlertText.FrenchDate(latest)}, {days} jours avant le début prévu le {AlertText.FrenchDate(start)} (article D6323-4 du Code du travail). Reportez le début, ou organisez le bilan hors temps de travail.")
            : new($"CPF bilan on working time: the employee must ask the employer's authorisation by {AlertText.IsoDate(latest)}, {days} days before the planned start on {AlertText.IsoDate(start)} (Code du travail D6323-4).",
                  $"Bilan financé par le CPF sur le temps de travail : le salarié doit demander l'autorisation de son employeur au plus tard le {AlertText.FrenchDate(latest)}, {days} jours avant le début prévu le {AlertText.FrenchDate(start)} (article D6323-4 du Code du travail).");
    }

    private static AlertWording AwaitingAnswer(DateOnly requested, DateOnly deemed)
    {
        var days = CpfWorkingTimeAuthorisation.AnswerDays;
        return new(
            $"Employer's authorisation asked on {AlertText.IsoDate(requested)} and not answered: without an answer, it will be deemed granted on {AlertText.IsoDate(deemed)} ({days} days, Code du travail D6323-4).",
            $"Autorisation demandée à l'employeur le {AlertText.FrenchDate(requested)}, sans réponse à ce jour : sans réponse, l'accord sera réputé acquis le {AlertText.FrenchDate(deemed)} ({days} jours, article D6323-4 du Code du travail).");
    }

    private sealed record Row(Guid Id, DateOnly PlannedStartDate, DateOnly? RequestDate);
}
