using Bilan.Contracts.V1;
using Bilan.Domain.Quality;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Npgsql;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Quality;

/// <summary>
/// bilan.v1.QualityService: satisfaction surveys, complaints and the quality indicators (Qualiopi). Each RPC lives in
/// its own file beside this one, with its SQL.
/// </summary>
public sealed partial class QualityManagementService(
    NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock, QualityPolicy policy)
    : QualityService.QualityServiceBase
{
    private const string FindComplaintSql = $"SELECT {ComplaintRecord.Columns} FROM complaints c WHERE c.id = @Id";

    private const string FrenchComplaintNotFound = "Cette réclamation n'existe pas.";

    /// <summary>Today in Paris, by the server's clock.</summary>
    private DateOnly Today => Domain.FrenchCalendar.DateOf(clock.GetUtcNow());

    /// <summary>The complaint with <paramref name="id"/>, or NOT_FOUND; locked for the transaction when <paramref name="forUpdate"/>.</summary>
    private static async Task<ComplaintRecord> FindComplaintAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<ComplaintRecord>(new CommandDefinition(
            forUpdate ? FindComplaintSql + " FOR UPDATE" : FindComplaintSql, new { Id = id }, transaction, cancellationToken: cancellationToken))
        ?? throw new ResourceNotFoundException(ResourceName.Format(ComplaintRecord.Collection, id), FrenchComplaintNotFound);

    /// <summary>
    /// Writes a step of a complaint about a bilan into that bilan's history, in the transaction of the change; a
    /// complaint about no bilan has no history to write to. The bilan's state is read as it is, unchanged.
    /// </summary>
    private static async Task AppendComplaintEventAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ComplaintRecord complaint, BilanEventType type, string actor,
        DateTimeOffset time, Dictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        if (complaint.BilanId is not { } bilanId)
        {
            return;
        }

        var state = (Domain.Bilans.BilanState)await connection.ExecuteScalarAsync<short>(new CommandDefinition(
            "SELECT state FROM bilans WHERE id = @Id", new { Id = bilanId }, transaction, cancellationToken: cancellationToken));
        await EventLog.AppendAsync(connection, transaction, bilanId, type, actor, time, state, state, attributes, cancellationToken);
    }
}
