using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Interviews;
using Grpc.Core;

namespace Bilan.Server.Features.Confidential;

public sealed partial class SynthesesService
{
    public override async Task<InterviewNotes> GetInterviewNotes(GetInterviewNotesRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var (bilanId, interviewId) = ParseNotesName(request.Name, "name", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        var caller = context.Caller();
        var cancellationToken = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var bilan = await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: false, cancellationToken);
        await ConfidentialAccessLog.EnsureMayReadAsync(caller, bilan, connection, transaction, cancellationToken);
        if (caller.IsApiClient)
        {
            // The access table already keeps API clients away; notes are never disclosed, whatever the consents.
            throw new PermissionDeniedException("CONFIDENTIAL_CONTENT", "Interview notes are never disclosed to third parties.",
                "Les notes d'entretien ne sont jamais communiquées à des tiers.");
        }

        await InterviewStore.FindAsync(connection, transaction, bilanId, interviewId, cancellationToken);
        var notes = await SynthesisStore.NotesAsync(connection, transaction, bilanId, interviewId, cancellationToken);
        await ConfidentialAccessLog.RecordAsync(connection, transaction, bilanId, notes.Name, caller, clock.Now(), null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return notes.ToProto();
    }
}
