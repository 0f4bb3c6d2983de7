using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using ComplaintChannel = Bilan.Domain.Quality.ComplaintChannel;
using Complainant = Bilan.Domain.Quality.Complainant;
using ComplaintStatus = Bilan.Domain.Quality.ComplaintStatus;

namespace Bilan.Server.Features.Quality;

public sealed partial class QualityManagementService
{
    public override Task<Complaint> CreateComplaint(CreateComplaintRequest request, ServerCallContext context)
    {
        var complaint = request.Complaint ?? new Complaint();
        var checks = new FieldChecks();
        var details = DetailsOf(complaint, checks);
        Guid? bilanId = null;
        if (complaint.Bilan.Length > 0)
        {
            if (ResourceName.TryParseId(complaint.Bilan, BilanRecord.Collection, out var id))
            {
                bilanId = id;
            }
            else
            {
                checks.AddRange([ResourceName.Violation(complaint.Bilan, BilanRecord.Collection, "complaint.bilan")]);
            }
        }

        checks.AddRange(ComplaintRules.Check(details, Today));
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(CreateComplaint), request.RequestId, request, async (connection, transaction) =>
        {
            if (bilanId is { } bilan)
            {
                context.Caller().EnsureVisible(await BilansService.FindAsync(connection, transaction, bilan, forUpdate: false, context.CancellationToken));
            }

            var now = clock.Now();
            var deadlines = ComplaintDeadlines.Of(details.ReceivedDate, policy);
            var record = new ComplaintRecord(Guid.CreateVersion7(now), details.ReceivedDate, (short)details.Channel, (short)details.Complainant,
                details.ComplainantName, bilanId, details.Subject, details.Description, (short)ComplaintStatus.Received,
                deadlines.AcknowledgeBy, deadlines.AnswerBy, null, null, "", "", 1, now.UtcDateTime, now.UtcDateTime);
            await ComplaintWrites.InsertAsync(connection, transaction, record, context.CancellationToken);
            var attributes = record.EventAttributes();
            attributes["channel"] = Domain.ApiNames.Of(details.Channel);
            attributes["complainant"] = Domain.ApiNames.Of(details.Complainant);
            attributes["answer_deadline"] = Domain.FrenchCalendar.Iso(deadlines.AnswerBy);
            await AppendComplaintEventAsync(connection, transaction, record, BilanEventType.ComplaintReceived, Actor.Of(context), now, attributes,
                context.CancellationToken);
            return record.ToProto();
        }, context.CancellationToken);
    }

    /// <summary>The details sent, trimmed; a missing received_date is reported in <paramref name="checks"/>.</summary>
    private static ComplaintDetails DetailsOf(Complaint complaint, FieldChecks checks) => new(
        ProtoConversions.RequireDateOnly(complaint.ReceivedDate, "complaint.received_date", checks),
        (ComplaintChannel)complaint.Channel,
        (Complainant)complaint.Complainant,
        complaint.ComplainantName.Trim(),
        complaint.Subject.Trim(),
        complaint.Description.Trim());
}
