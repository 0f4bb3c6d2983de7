using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Quality;

public sealed partial class QualityManagementService
{
    private static readonly IReadOnlyCollection<string> ComplaintUpdatableFields =
        ["received_date", "channel", "complainant", "complainant_name", "subject", "description"];

    public override Task<Complaint> UpdateComplaint(UpdateComplaintRequest request, ServerCallContext context)
    {
        if (request.Complaint is null)
        {
            throw new InvalidFieldsException([new FieldViolation("complaint", "REQUIRED", "Required.", "La réclamation est obligatoire.")]);
        }

        var id = ResourceName.ParseId(request.Complaint.Name, ComplaintRecord.Collection, "complaint.name");
        var paths = UpdateMask.Resolve(request.UpdateMask, request.Complaint, ComplaintUpdatableFields);
        return requests.ExecuteAsync(nameof(UpdateComplaint), request.RequestId, request, async (connection, transaction) =>
        {
            var current = await FindComplaintAsync(connection, transaction, id, forUpdate: true, context.CancellationToken);
            Etag.EnsureCurrent(request.Complaint.Etag, current.Version, current.Name);
            ComplaintWorkflow.EnsureOpen(current.State);

            var checks = new FieldChecks();
            var sent = DetailsOf(request.Complaint, paths.Contains("received_date") ? checks : new FieldChecks());
            var was = current.Details;
            var details = new ComplaintDetails(
                paths.Contains("received_date") ? sent.ReceivedDate : was.ReceivedDate,
                paths.Contains("channel") ? sent.Channel : was.Channel,
                paths.Contains("complainant") ? sent.Complainant : was.Complainant,
                paths.Contains("complainant_name") ? sent.ComplainantName : was.ComplainantName,
                paths.Contains("subject") ? sent.Subject : was.Subject,
                paths.Contains("description") ? sent.Description : was.Description);
            checks.AddRange(ComplaintRules.Check(details, Today));
            if (current.AcknowledgeDate is { } acknowledged && details.ReceivedDate > acknowledged)
            {
                checks.Add("complaint.received_date", "AFTER_ACKNOWLEDGEMENT", "A complaint cannot be received after it was acknowledged.",
                    "La date de réception ne peut pas suivre celle de l'accusé de réception.");
            }

            InvalidFieldsException.ThrowIfAny(checks.Violations);

            // The deadlines count from the day the complaint was received: a corrected day moves them.
            var deadlines = ComplaintDeadlines.Of(details.ReceivedDate, policy);
            var now = clock.Now();
            var updated = current with
            {
                ReceivedDate = details.ReceivedDate,
                Channel = (short)details.Channel,
                Complainant = (short)details.Complainant,
                ComplainantName = details.ComplainantName,
                Subject = details.Subject,
                Description = details.Description,
                AcknowledgeDeadline = details.ReceivedDate == was.ReceivedDate ? current.AcknowledgeDeadline : deadlines.AcknowledgeBy,
                AnswerDeadline = details.ReceivedDate == was.ReceivedDate ? current.AnswerDeadline : deadlines.AnswerBy,
                Version = current.Version + 1,
                UpdateTime = now.UtcDateTime,
            };
            if (!await ComplaintWrites.UpdateAsync(connection, transaction, updated, context.CancellationToken))
            {
                throw new StaleEtagException(current.Name);
            }

            var attributes = updated.EventAttributes();
            attributes["fields"] = string.Join(",", paths.Order());
            await AppendComplaintEventAsync(connection, transaction, updated, BilanEventType.ComplaintUpdated, Actor.Of(context), now, attributes,
                context.CancellationToken);
            return updated.ToProto();
        }, context.CancellationToken);
    }
}
