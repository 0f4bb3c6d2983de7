using Bilan.Domain.Quality;

namespace Bilan.Server.Features.Quality;

/// <summary>What ServerSetup registers and maps for quality: the policy (settings <c>Bilan:Quality</c>) and the service.</summary>
public static class QualitySetup
{
    /// <summary>Registers the <see cref="QualityPolicy"/> read from <c>Bilan:Quality</c> (defaults when absent).</summary>
    public static IServiceCollection AddQuality(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Bilan:Quality").Get<QualityPolicy>() ?? new QualityPolicy());
        return services;
    }

    /// <summary>Maps bilan.v1.QualityService.</summary>
    public static WebApplication MapQuality(this WebApplication app)
    {
        app.MapGrpcService<QualityManagementService>();
        return app;
    }
}
