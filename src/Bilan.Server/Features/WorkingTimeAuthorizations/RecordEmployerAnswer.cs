using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using DomainAnswer = Bilan.Domain.Funding.EmployerAnswer;

namespace Bilan.Server.Features.WorkingTimeAuthorizations;

public sealed partial class WorkingTimeAuthorizationsService
{
    public override Task<WorkingTimeAuthorization> RecordEmployerAnswer(RecordEmployerAnswerRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = SingletonName.Parse(request.Name, AuthorizationRecord.Segment, "name", checks);
        var answer = (DomainAnswer)request.Answer;
        if (answer is not (DomainAnswer.Granted or DomainAnswer.Refused))
        {
            checks.Add("answer", answer == DomainAnswer.None ? "REQUIRED" : "UNKNOWN_VALUE", "EMPLOYER_ANSWER_GRANTED or EMPLOYER_ANSWER_REFUSED.",
                "La réponse de l'employeur est obligatoire (accordée ou refusée).");
        }

        var date = ProtoConversions.RequireDateOnly(request.AnswerDate, "answer_date", checks);
        CheckNotFuture(date, "answer_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(RecordEmployerAnswer), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = await LockBilanAsync(connection, transaction, bilanId, context);
            var current = await AuthorizationRecord.FindAsync(connection, transaction, bilanId, context.CancellationToken)
                ?? throw new RuleViolationException("WORKING_TIME_AUTHORIZATION_NOT_REQUESTED",
                    "The employee's request is not recorded: record it with RequestWorkingTimeAuthorization first.",
                    "La demande du salarié n'est pas enregistrée : enregistrez-la d'abord.");
            Etag.EnsureCurrent(request.Etag, current.Version, SingletonName.Format(bilanId, AuthorizationRecord.Segment));
            if (date < current.RequestDate)
            {
                throw new InvalidFieldsException([new FieldViolation("answer_date", "BEFORE_REQUEST",
                    "The answer cannot predate the request.", "La réponse de l'employeur ne peut pas précéder la demande.")]);
            }

            var now = clock.Now();
            var record = current with { Answer = (short)answer, AnswerDate = date, UpdateTime = now.UtcDateTime, Version = current.Version + 1 };
            await AuthorizationRecord.SaveAsync(connection, transaction, record, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.EmployerAnswerRecorded, Actor.Of(context), now,
                bilan.State, bilan.State, new Dictionary<string, string>
                {
                    ["answer"] = answer == DomainAnswer.Granted ? "EMPLOYER_ANSWER_GRANTED" : "EMPLOYER_ANSWER_REFUSED",
                    ["answer_date"] = Domain.FrenchCalendar.Iso(date),
                }, context.CancellationToken);
            return AuthorizationRecord.ToProto(bilan, record, Today);
        }, context.CancellationToken);
    }
}
