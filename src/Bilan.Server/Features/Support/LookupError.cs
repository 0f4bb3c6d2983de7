using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Dapper;
using Grpc.Core;

namespace Bilan.Server.Features.Support;

public sealed partial class SupportDiagnosticsService
{
    private const string LookupSql = $"""
        SELECT {ErrorRow.Columns}
        FROM error_log
        WHERE correlation_id = @CorrelationId AND create_time >= @KeptSince
        """;

    public override async Task<ErrorRecord> LookupError(LookupErrorRequest request, ServerCallContext context)
    {
        var correlationId = request.CorrelationId.Trim();
        if (correlationId.Length == 0)
        {
            throw new InvalidFieldsException([new FieldViolation("correlation_id", "REQUIRED",
                "Required: the correlation id the caller received with the error.",
                "Indiquez la référence de l'erreur communiquée par l'utilisateur.")]);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ErrorRow>(new CommandDefinition(
            LookupSql, new { CorrelationId = correlationId, KeptSince = ErrorLog.KeptSince(clock) }, cancellationToken: context.CancellationToken));
        return row?.ToProto() ?? throw new ResourceNotFoundException(
            $"errors/{correlationId}", "Aucune erreur n'est enregistrée sous cette référence (elles sont gardées 30 jours).");
    }
}
