using Npgsql;

namespace Bilan.Server.Features.Support;

/// <summary>
/// bilan.v1.SupportService: read-only diagnostics for support and admins (the access table keeps everyone else
/// out). Each RPC lives in its own file beside this one, with its SQL. Nothing here returns confidential content.
/// </summary>
public sealed partial class SupportDiagnosticsService(NpgsqlDataSource dataSource, TimeProvider clock)
    : Contracts.V1.SupportService.SupportServiceBase
{
    /// <summary>How many events and errors GetBilanDiagnostics returns.</summary>
    internal const int RecentCount = 20;
}
