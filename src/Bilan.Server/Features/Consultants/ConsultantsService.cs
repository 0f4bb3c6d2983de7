using Bilan.Contracts.V1;
using Bilan.Server.Data;
using Npgsql;

namespace Bilan.Server.Features.Consultants;

/// <summary>
/// bilan.v1.ConsultantService. Each RPC lives in its own file beside this one, with its SQL.
/// </summary>
public sealed partial class ConsultantsService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock)
    : ConsultantService.ConsultantServiceBase
{
    private const string FrenchNotFound = "Ce consultant n'existe pas.";
}
