using Bilan.Contracts.V1;
using Bilan.Domain;
using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Features.Interviews;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Confidential;

public sealed partial class SynthesesService
{
    public override Task<InterviewNotes> UpdateInterviewNotes(UpdateInterviewNotesRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var sent = request.Notes ?? new InterviewNotes();
        var (bilanId, interviewId) = ParseNotesName(sent.Name, "notes.name", checks);
        CheckSection(checks, "notes.text", sent.Text, "Les notes");
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(UpdateInterviewNotes), request.RequestId, request, async (connection, transaction) =>
        {
            var cancellationToken = context.CancellationToken;
            var bilan = context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, cancellationToken));
            if (bilan.State.IsFinal())
            {
                throw new RuleViolationException("INTERVIEW_NOTES_NOT_ALLOWED_IN_STATE",
                    $"Interview notes cannot change once the bilan is {ApiNames.Of(bilan.State)}.",
                    $"Les notes ne peuvent plus être modifiées : le bilan est à l'état « {FrenchNames.Of(bilan.State)} ».",
                    new Dictionary<string, string> { ["state"] = ApiNames.Of(bilan.State) });
            }

            await InterviewStore.FindAsync(connection, transaction, bilanId, interviewId, cancellationToken);
            var current = await SynthesisStore.NotesAsync(connection, transaction, bilanId, interviewId, cancellationToken);
            Etag.EnsureCurrent(sent.Etag, current.RowVersion, current.Name);
            if (current.DestroyedTime is not null)
            {
                throw new RuleViolationException("INTERVIEW_NOTES_DESTROYED",
                    "These notes were destroyed with the documents of the bilan (R6313-7).",
                    "Ces notes ont été détruites avec les documents du bilan.");
            }

            var now = clock.Now();
            var updated = current with { Text = sent.Text, RowVersion = current.RowVersion + 1, UpdateTime = now };
            await SynthesisStore.WriteNotesAsync(connection, transaction, updated, current.RowVersion, cancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.InterviewNotesUpdated, Actor.Of(context), now,
                bilan.State, bilan.State, new Dictionary<string, string> { ["interview"] = InterviewRecord.Format(bilanId, interviewId) },
                cancellationToken);
            return updated.ToProto();
        }, context.CancellationToken, ConfidentialRedaction.WithoutContent);
    }
}
