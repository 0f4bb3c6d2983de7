using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Options;

namespace Bilan.BackOffice.Api;

/// <summary>Asks the API's standard gRPC health service how it is and words the answer in French for staff.</summary>
public sealed class ApiHealth(
    Health.HealthClient client,
    IOptions<BilanApiOptions> options,
    TimeProvider timeProvider,
    ILogger<ApiHealth> logger)
{
    /// <summary>How long a check waits for the API before calling it unreachable, in seconds.</summary>
    public const int DeadlineSeconds = 3;

    /// <summary>Checks the API's overall health (empty service name) with a <see cref="DeadlineSeconds"/> deadline.</summary>
    public async Task<ApiHealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checkedAt = timeProvider.GetUtcNow();
        var address = options.Value.ApiUrl.OriginalString;

        try
        {
            var response = await client.CheckAsync(
                new HealthCheckRequest(),
                deadline: checkedAt.AddSeconds(DeadlineSeconds).UtcDateTime,
                cancellationToken: cancellationToken);

            return FromServingStatus(response.Status, checkedAt);
        }
        catch (RpcException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The details belong in the logs, never on screen.
            logger.LogWarning(
                "Health check of the API at {ApiUrl} failed: {StatusCode} {Detail}",
                address,
                exception.StatusCode,
                exception.Status.Detail);

            return new ApiHealthReport(ApiHealthStatus.Unreachable, UnreachableMessage(address, exception.StatusCode), checkedAt);
        }
    }

    private static ApiHealthReport FromServingStatus(HealthCheckResponse.Types.ServingStatus status, DateTimeOffset checkedAt) =>
        status switch
        {
            HealthCheckResponse.Types.ServingStatus.Serving => new ApiHealthReport(
                ApiHealthStatus.Available,
                "Le service est disponible.",
                checkedAt),
            HealthCheckResponse.Types.ServingStatus.NotServing => new ApiHealthReport(
                ApiHealthStatus.Unavailable,
                "Le service est indisponible : la base de données ne répond pas.",
                checkedAt),
            _ => new ApiHealthReport(
                ApiHealthStatus.Unknown,
                "L’état du service est inconnu : l’API a répondu sans indiquer si elle est disponible.",
                checkedAt),
        };

    private static string UnreachableMessage(string address, StatusCode statusCode) =>
        statusCode switch
        {
            StatusCode.Unavailable =>
                $"Impossible de joindre l’API à l’adresse {address} : aucun service ne répond. Vérifiez qu’il est démarré.",
            StatusCode.DeadlineExceeded =>
                $"Impossible de joindre l’API à l’adresse {address} : elle n’a pas répondu en moins de {DeadlineSeconds} secondes.",
            _ =>
                $"Impossible de joindre l’API à l’adresse {address} : elle a répondu par une erreur inattendue.",
        };
}
