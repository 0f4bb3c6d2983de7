using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Consultants;

public sealed partial class ConsultantsService
{
    private const string GetSql = $"SELECT {ConsultantRecord.Columns} FROM consultants WHERE id = @Id";

    public override async Task<Consultant> GetConsultant(GetConsultantRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, ConsultantRecord.Collection, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var record = await FindAsync(connection, null, id, forUpdate: false, context.CancellationToken);
        return record.ToProto();
    }

    /// <summary>The consultant with <paramref name="id"/>, or NOT_FOUND; locked for the transaction when <paramref name="forUpdate"/>.</summary>
    internal static async Task<ConsultantRecord> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ConsultantRow>(new CommandDefinition(
            forUpdate ? GetSql + " FOR UPDATE" : GetSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord()
            ?? throw new ResourceNotFoundException(ResourceName.Format(ConsultantRecord.Collection, id), FrenchNotFound);
    }
}
