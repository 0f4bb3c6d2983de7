using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Dapper;
using Grpc.Core;

namespace Bilan.Server.Features.Quality;

public sealed partial class QualityManagementService
{
    public override async Task<SatisfactionSurvey> GetSatisfactionSurvey(GetSatisfactionSurveyRequest request, ServerCallContext context)
    {
        var suffix = "/" + SurveyRecord.Segment;
        if (!request.Name.EndsWith(suffix, StringComparison.Ordinal)
            || !ResourceName.TryParseId(request.Name[..^suffix.Length], BilanRecord.Collection, out var bilanId))
        {
            throw new InvalidFieldsException([string.IsNullOrEmpty(request.Name)
                ? new FieldViolation("name", "REQUIRED", "Required: bilans/{uuid}/satisfactionSurvey.", "Ce champ est obligatoire.")
                : new FieldViolation("name", "INVALID_RESOURCE_NAME", "Expected bilans/{uuid}/satisfactionSurvey.",
                    "Identifiant invalide : attendu bilans/{uuid}/satisfactionSurvey.")]);
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, null, bilanId, forUpdate: false, context.CancellationToken));
        var survey = await connection.QuerySingleOrDefaultAsync<SurveyRecord>(new CommandDefinition(
            FindSurveySql, new { BilanId = bilanId }, cancellationToken: context.CancellationToken));
        return survey?.ToProto()
            ?? throw new ResourceNotFoundException(request.Name, "Aucun questionnaire de satisfaction n'est enregistré pour ce bilan.");
    }
}
