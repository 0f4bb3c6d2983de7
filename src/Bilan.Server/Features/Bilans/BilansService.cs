using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Bilans;

/// <summary>
/// bilan.v1.BilanService. Each RPC lives in its own file beside this one, with its SQL.
/// </summary>
public sealed partial class BilansService(
    NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock, BilanPolicy policy, BilanLifecycle lifecycle)
    : BilanService.BilanServiceBase
{
    internal const string FrenchNotFound = "Ce bilan n'existe pas.";

    private const string GetSql = $"SELECT {BilanRecord.Columns} FROM bilans b WHERE b.id = @Id";

    /// <summary>The bilan with <paramref name="id"/>, or NOT_FOUND; locked for the transaction when <paramref name="forUpdate"/>.</summary>
    internal static async Task<BilanRecord> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<BilanRow>(new CommandDefinition(
            forUpdate ? GetSql + " FOR UPDATE" : GetSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord()
            ?? throw new ResourceNotFoundException(ResourceName.Format(BilanRecord.Collection, id), FrenchNotFound);
    }
}
