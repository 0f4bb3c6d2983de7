using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Organizations;

public sealed partial class OrganizationsService
{
    private const string GetSql = $"SELECT {OrganizationRecord.Columns} FROM organizations WHERE id = @Id";

    public override async Task<Organization> GetOrganization(GetOrganizationRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, OrganizationRecord.Collection, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var record = await FindAsync(connection, null, id, forUpdate: false, context.CancellationToken);
        return record.ToProto();
    }

    /// <summary>The organization with <paramref name="id"/>, or NOT_FOUND; locked for the transaction when <paramref name="forUpdate"/>.</summary>
    internal static async Task<OrganizationRecord> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<OrganizationRow>(new CommandDefinition(
            forUpdate ? GetSql + " FOR UPDATE" : GetSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return row?.ToRecord()
            ?? throw new ResourceNotFoundException(ResourceName.Format(OrganizationRecord.Collection, id), FrenchNotFound);
    }
}
