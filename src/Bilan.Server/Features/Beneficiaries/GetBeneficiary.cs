using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Dapper;
using Grpc.Core;
using Npgsql;

namespace Bilan.Server.Features.Beneficiaries;

public sealed partial class BeneficiariesService
{
    private const string GetSql = $"SELECT {BeneficiaryRecord.Columns} FROM beneficiaries WHERE id = @Id";

    public override async Task<Beneficiary> GetBeneficiary(GetBeneficiaryRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, BeneficiaryRecord.Collection, "name");
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var record = await FindAsync(connection, null, id, forUpdate: false, context.CancellationToken);
        await BeneficiaryAccess.EnsureVisibleAsync(context.Caller(), record, connection, null, context.CancellationToken);
        return record.ToProto();
    }

    /// <summary>The beneficiary with <paramref name="id"/>, or NOT_FOUND; locked for the transaction when <paramref name="forUpdate"/>.</summary>
    internal static async Task<BeneficiaryRecord> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, bool forUpdate, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<BeneficiaryRow>(new CommandDefinition(
            forUpdate ? GetSql + " FOR UPDATE" : GetSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        if (row is null)
        {
            throw new ResourceNotFoundException(ResourceName.Format(BeneficiaryRecord.Collection, id), FrenchNotFound);
        }

        return (await BeneficiaryRecord.LoadAsync(connection, [row], transaction, cancellationToken))[0];
    }
}
