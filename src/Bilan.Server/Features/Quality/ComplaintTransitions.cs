using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using ComplaintStatus = Bilan.Domain.Quality.ComplaintStatus;

namespace Bilan.Server.Features.Quality;

/// <summary>The custom methods that move a complaint along its handling (see <see cref="ComplaintWorkflow"/>).</summary>
public sealed partial class QualityManagementService
{
    public override Task<Complaint> AcknowledgeComplaint(AcknowledgeComplaintRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, ComplaintRecord.Collection, "name");
        var checks = new FieldChecks();
        var given = ProtoConversions.ToDateOnly(request.AcknowledgeDate, "acknowledge_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return MoveAsync(nameof(AcknowledgeComplaint), request.RequestId, request, id, request.Etag, ComplaintStatus.Acknowledged,
            BilanEventType.ComplaintAcknowledged, context, current =>
            {
                var date = HandlingDate(given, current, "acknowledge_date");
                return current with { AcknowledgeDate = date };
            });
    }

    public override Task<Complaint> StartComplaintHandling(StartComplaintHandlingRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, ComplaintRecord.Collection, "name");
        return MoveAsync(nameof(StartComplaintHandling), request.RequestId, request, id, request.Etag, ComplaintStatus.InProgress,
            BilanEventType.ComplaintHandlingStarted, context, current => current);
    }

    public override Task<Complaint> ResolveComplaint(ResolveComplaintRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, ComplaintRecord.Collection, "name");
        var checks = new FieldChecks();
        checks.RequireText("answer", request.Answer, ComplaintRules.MaxTextLength, "La réponse");
        checks.LimitLength("corrective_action", request.CorrectiveAction, ComplaintRules.MaxTextLength, "L'action corrective");
        var given = ProtoConversions.ToDateOnly(request.AnswerDate, "answer_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return MoveAsync(nameof(ResolveComplaint), request.RequestId, request, id, request.Etag, ComplaintStatus.Resolved,
            BilanEventType.ComplaintResolved, context, current => current with
            {
                AnswerDate = HandlingDate(given, current, "answer_date"),
                Answer = request.Answer.Trim(),
                CorrectiveAction = request.CorrectiveAction.Trim(),
            });
    }

    public override Task<Complaint> RejectComplaint(RejectComplaintRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, ComplaintRecord.Collection, "name");
        var checks = new FieldChecks();
        checks.RequireText("answer", request.Answer, ComplaintRules.MaxTextLength, "La réponse");
        var given = ProtoConversions.ToDateOnly(request.AnswerDate, "answer_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return MoveAsync(nameof(RejectComplaint), request.RequestId, request, id, request.Etag, ComplaintStatus.Rejected,
            BilanEventType.ComplaintRejected, context, current => current with
            {
                AnswerDate = HandlingDate(given, current, "answer_date"),
                Answer = request.Answer.Trim(),
            });
    }

    /// <summary>
    /// One move of the workflow, in one transaction: the complaint locked, its etag and status checked, the change
    /// written under its version, and the event in the bilan's history when it is about a bilan.
    /// </summary>
    private Task<Complaint> MoveAsync(
        string method, string requestId, Google.Protobuf.IMessage request, Guid id, string etag, ComplaintStatus to, BilanEventType eventType,
        ServerCallContext context, Func<ComplaintRecord, ComplaintRecord> change) =>
        requests.ExecuteAsync(method, requestId, request, async (connection, transaction) =>
        {
            var current = await FindComplaintAsync(connection, transaction, id, forUpdate: true, context.CancellationToken);
            Etag.EnsureCurrent(etag, current.Version, current.Name);
            ComplaintWorkflow.Apply(current.State, to);
            var now = clock.Now();
            var updated = change(current) with { Status = (short)to, Version = current.Version + 1, UpdateTime = now.UtcDateTime };
            if (!await ComplaintWrites.UpdateAsync(connection, transaction, updated, context.CancellationToken))
            {
                throw new StaleEtagException(current.Name);
            }

            await AppendComplaintEventAsync(connection, transaction, updated, eventType, Actor.Of(context), now, updated.EventAttributes(),
                context.CancellationToken);
            return updated.ToProto();
        }, context.CancellationToken);

    private DateOnly HandlingDate(DateOnly? given, ComplaintRecord current, string field)
    {
        var checks = new FieldChecks();
        var date = ComplaintRules.HandlingDate(given, current.ReceivedDate, Today, field, checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);
        return date;
    }
}
