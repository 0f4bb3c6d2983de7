using Bilan.Domain.Alerts;
using Bilan.Domain.Bilans;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Conventions;
using Dapper;
using AlertKind = Bilan.Contracts.V1.AlertKind;

namespace Bilan.Server.Features.Alerts;

/// <summary>
/// Tripartite conventions received by the employee who has neither signed nor refused yet (Code du travail R6313-8):
/// due at the end of the employee's 10th day in Paris (<c>employee_signature_deadline</c>), shown within the upcoming
/// window. After it the employee's silence is refusal (DEEMED_REFUSED): an overdue alert for a bilan still REQUESTED,
/// until a new convention is drafted. The status is the convention's own (<see cref="TripartiteConvention.StatusOn"/>).
/// </summary>
internal sealed class ConventionSignatureAlerts : IAlertSource
{
    public Callers VisibleTo => Callers.Staff;

    public async Task<IReadOnlyList<AlertItem>> ReadAsync(AlertQuery query, CancellationToken cancellationToken)
    {
        var conditions = query.ScopeBilans();
        // Bilans not ended; the employee has not answered in time (a late signature or refusal keeps it deemed refused).
        conditions.Add("b.state IN (1, 2, 3, 4)");
        conditions.Add("c.received_date IS NOT NULL");
        conditions.Add("""
            (c.employee_signed_date IS NULL OR c.employee_signed_date > c.received_date + @EmployeeDays)
            AND (c.employee_refused_date IS NULL OR c.employee_refused_date > c.received_date + @EmployeeDays)
            """, ("EmployeeDays", TripartiteConvention.EmployeeDays));
        var sql = $"""
            SELECT c.bilan_id, b.state, c.received_date,
                   c.employee_signed_date, c.employee_refused_date, c.employer_signed_date, c.provider_signed_date
            FROM tripartite_conventions c
            JOIN bilans b ON b.id = c.bilan_id
            {conditions.Where}
            """;
        var rows = await query.Connection.QueryAsync<Row>(new CommandDefinition(sql, conditions.Parameters, cancellationToken: cancellationToken));
        return [.. rows.Select(row => ToAlert(row, query)).OfType<AlertItem>()];
    }

    private static AlertItem? ToAlert(Row row, AlertQuery query)
    {
        var facts = new TripartiteConventionFacts(row.ReceivedDate, row.EmployeeSignedDate, row.EmployeeRefusedDate, row.EmployerSignedDate, row.ProviderSignedDate);
        var status = TripartiteConvention.StatusOn(facts, query.Today);
        var deadline = TripartiteConvention.SignatureDeadline(row.ReceivedDate);
        var due = AlertTiming.EndOfDay(deadline);
        var name = SingletonName.Format(row.BilanId, ConventionRecord.Segment);
        return status.Kind switch
        {
            TripartiteConventionStatusKind.AwaitingSignature when status.SignatureDeadline is not null && AlertTiming.Shows(due, query.Now, query.Policy) =>
                new AlertItem(AlertKind.ConventionSignature, AlertSeverity.Upcoming, name, row.BilanId, DisplayName: null, due, () => AwaitingSignature(row.ReceivedDate, deadline)),
            TripartiteConventionStatusKind.DeemedRefused when (BilanState)row.State == BilanState.Requested =>
                new AlertItem(AlertKind.ConventionSignature, AlertSeverity.Overdue, name, row.BilanId, DisplayName: null, due, () => DeemedRefused(row.ReceivedDate, deadline)),
            _ => null,
        };
    }

    private static AlertWording AwaitingSignature(DateOnly received, DateOnly deadline) => new(
        $"Tripartite convention received by the employee on {AlertText.IsoDate(received)}: they have until {AlertText.IsoDate(deadline)} to sign it ({TripartiteConvention.EmployeeDays} days, Code du travail R6313-8); without their signature it is deemed refused.",
        $"Convention tripartite reçue par le salarié le {AlertText.FrenchDate(received)} : il a jusqu'au {AlertText.FrenchDate(deadline)} pour la signer ({TripartiteConvention.EmployeeDays} jours, article R6313-8 du Code du travail) ; sans sa signature, elle sera réputée refusée.");

    private static AlertWording DeemedRefused(DateOnly received, DateOnly deadline) => new(
        $"Tripartite convention received by the employee on {AlertText.IsoDate(received)} and not signed by {AlertText.IsoDate(deadline)}: it is deemed refused (Code du travail R6313-8; refusing is not a fault). Draft a new convention before the start.",
        $"Convention tripartite reçue par le salarié le {AlertText.FrenchDate(received)} et non signée au {AlertText.FrenchDate(deadline)} : elle est réputée refusée (article R6313-8 du Code du travail ; ce refus n'est pas une faute). Établissez une nouvelle convention avant le début du bilan.");

    private sealed record Row(
        Guid BilanId, short State, DateOnly ReceivedDate, DateOnly? EmployeeSignedDate, DateOnly? EmployeeRefusedDate,
        DateOnly? EmployerSignedDate, DateOnly? ProviderSignedDate);
}
