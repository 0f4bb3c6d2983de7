using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Grpc.Core;

namespace Bilan.Server.Features.Confidential;

public sealed partial class SynthesesService
{
    public override async Task<Synthesis> GetSynthesis(GetSynthesisRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = ParseSynthesisName(request.Name, "name", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        var caller = context.Caller();
        var cancellationToken = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var bilan = await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: false, cancellationToken);
        var consent = await ConfidentialAccessLog.EnsureMayReadAsync(caller, bilan, connection, transaction, cancellationToken);
        // A third party gets what was handed to the beneficiary, never a draft.
        var synthesis = SynthesisRules.EnsureExists(caller.IsApiClient
            ? await SynthesisStore.LatestDeliveredAsync(connection, transaction, bilanId, cancellationToken)
            : await SynthesisStore.CurrentAsync(connection, transaction, bilanId, cancellationToken), bilanId);
        await ConfidentialAccessLog.RecordAsync(connection, transaction, bilanId, synthesis.Name, caller, clock.Now(), consent, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return synthesis.ToProto();
    }
}
