using Bilan.Contracts.V1;
using Bilan.Server.Data;
using Npgsql;
using CpfPolicy = Bilan.Domain.Funding.CpfPolicy;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>
/// bilan.v1.BeneficiaryService. Each RPC lives in its own file beside this one, with its SQL.
/// </summary>
public sealed partial class BeneficiariesService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock, CpfPolicy cpfPolicy)
    : BeneficiaryService.BeneficiaryServiceBase
{
    internal const string FrenchNotFound = "Ce bénéficiaire n'existe pas.";
}
