using Bilan.Contracts.V1;
using Npgsql;

namespace Bilan.Server.Features.Reports;

/// <summary>bilan.v1.ReportService: the yearly figures (BPF). Each RPC lives in its own file beside this one.</summary>
public sealed partial class ReportsService(NpgsqlDataSource dataSource, TimeProvider clock) : ReportService.ReportServiceBase
{
}
