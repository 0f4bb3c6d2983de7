using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using EmployerAnswer = Bilan.Domain.Funding.EmployerAnswer;
using FundingSource = Bilan.Domain.Bilans.FundingSource;

namespace Bilan.Server.Features.WorkingTimeAuthorizations;

public sealed partial class WorkingTimeAuthorizationsService
{
    public override Task<WorkingTimeAuthorization> RequestWorkingTimeAuthorization(RequestWorkingTimeAuthorizationRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = SingletonName.Parse(request.Name, AuthorizationRecord.Segment, "name", checks);
        var date = ProtoConversions.RequireDateOnly(request.RequestDate, "request_date", checks);
        CheckNotFuture(date, "request_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(RequestWorkingTimeAuthorization), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = await LockBilanAsync(connection, transaction, bilanId, context);
            if (bilan.Plan.FundingSource != FundingSource.Cpf || !CpfWorkingTimeAuthorisation.IsNeeded(bilan.Plan.WorkingTime))
            {
                throw new RuleViolationException("WORKING_TIME_AUTHORIZATION_NOT_NEEDED",
                    "Only a CPF-funded bilan on working time (DURING or PARTLY_DURING) needs the employer's authorisation (D6323-4); outside working time the employer need not be told.",
                    "Seul un bilan financé par le CPF sur le temps de travail exige l'autorisation de l'employeur (article D6323-4) ; hors temps de travail, l'employeur n'a pas à être informé.",
                    new Dictionary<string, string>
                    {
                        ["funding_source"] = Domain.ApiNames.Of(bilan.Plan.FundingSource),
                        ["working_time"] = Domain.ApiNames.Of(bilan.Plan.WorkingTime),
                    });
            }

            if (bilan.Plan.PlannedStartDate is not { } start)
            {
                throw new RuleViolationException("PLANNED_START_DATE_REQUIRED",
                    "The request must come at least 60 days before the start (D6323-4): set the bilan's planned_start_date first (UpdateBilan).",
                    "La demande doit précéder d'au moins 60 jours le début du bilan (article D6323-4) : renseignez d'abord la date de début prévue du bilan.");
            }

            CpfWorkingTimeAuthorisation.EnsureRequestedInTime(date, start);
            var current = await AuthorizationRecord.FindAsync(connection, transaction, bilanId, context.CancellationToken);
            if (current is not null)
            {
                Etag.EnsureCurrent(request.Etag, current.Version, SingletonName.Format(bilanId, AuthorizationRecord.Segment));
            }

            var now = clock.Now();
            // A corrected request date clears the answer: it was an answer to another request.
            var record = new AuthorizationRecord(bilanId, date, (short)EmployerAnswer.None, null, now.UtcDateTime, (current?.Version ?? 0) + 1);
            await AuthorizationRecord.SaveAsync(connection, transaction, record, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.WorkingTimeAuthorizationRequested, Actor.Of(context), now,
                bilan.State, bilan.State, new Dictionary<string, string>
                {
                    ["request_date"] = Domain.FrenchCalendar.Iso(date),
                    ["deemed_granted_date"] = Domain.FrenchCalendar.Iso(CpfWorkingTimeAuthorisation.DeemedGrantedDate(date)),
                }, context.CancellationToken);
            return AuthorizationRecord.ToProto(bilan, record, Today);
        }, context.CancellationToken);
    }
}
