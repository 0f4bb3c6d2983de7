using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Grpc.Core;
using Npgsql;
using BilanState = Bilan.Domain.Bilans.BilanState;

namespace Bilan.Server.Features.WorkingTimeAuthorizations;

/// <summary>
/// bilan.v1.WorkingTimeAuthorizationService: the employer's authorisation of a CPF bilan on working time (D6323-4).
/// Each RPC lives in its own file beside this one; the start condition is <c>WorkingTimeAuthorisationCondition</c>.
/// </summary>
public sealed partial class WorkingTimeAuthorizationsService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock)
    : WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceBase
{
    private DateOnly Today => Domain.FrenchCalendar.DateOf(clock.GetUtcNow());

    private void CheckNotFuture(DateOnly date, string field, FieldChecks checks)
    {
        if (date != DateOnly.MinValue && date > Today)
        {
            checks.Add(field, "DATE_IN_FUTURE", "The date cannot be in the future (Paris calendar).", "Cette date ne peut pas être dans le futur.");
        }
    }

    /// <summary>The bilan, locked, if the caller may change it and it has not started: the authorisation precedes the start.</summary>
    private static async Task<BilanRecord> LockBilanAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid bilanId, ServerCallContext context)
    {
        var bilan = context.Caller().EnsureMayChange(
            await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken));
        if (bilan.State != BilanState.Requested)
        {
            throw new RuleViolationException("WORKING_TIME_AUTHORIZATION_NOT_ALLOWED_IN_STATE",
                $"The employer's authorisation is asked and answered before the bilan starts; this bilan is {Domain.ApiNames.Of(bilan.State)}.",
                "L'autorisation de l'employeur se demande et se donne avant le démarrage du bilan ; ce bilan a déjà commencé.",
                new Dictionary<string, string> { ["state"] = Domain.ApiNames.Of(bilan.State) });
        }

        return bilan;
    }
}
