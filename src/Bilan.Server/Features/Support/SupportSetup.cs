using Bilan.Server.Api;
using Bilan.Server.Data;

namespace Bilan.Server.Features.Support;

/// <summary>Registration of the support diagnostics: the error log every error is recorded in, its purge, the service.</summary>
public static class SupportSetup
{
    /// <summary>The error log (needed by <see cref="ErrorMappingInterceptor"/>) and its hourly purge.</summary>
    public static IServiceCollection AddSupport(this IServiceCollection services)
    {
        services.AddSingleton<ErrorLog>();
        services.AddSingleton<IErrorLog>(provider => provider.GetRequiredService<ErrorLog>());
        services.AddHostedService<LogPurge>();
        return services;
    }

    /// <summary>Maps bilan.v1.SupportService.</summary>
    public static WebApplication MapSupport(this WebApplication app)
    {
        app.MapGrpcService<SupportDiagnosticsService>();
        return app;
    }
}
