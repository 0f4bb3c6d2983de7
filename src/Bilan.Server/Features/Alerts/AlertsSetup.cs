using Bilan.Domain.Alerts;

namespace Bilan.Server.Features.Alerts;

/// <summary>What ServerSetup registers and maps for the dashboard's alerts.</summary>
public static class AlertsSetup
{
    /// <summary>The <see cref="AlertPolicy"/> (settings <c>Bilan:Alerts</c>) and the alert sources, one line per kind.</summary>
    public static IServiceCollection AddAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Bilan:Alerts").Get<AlertPolicy>() ?? new AlertPolicy());
        services.AddSingleton<IAlertSource, PlannedHoursNearCapAlerts>();
        services.AddSingleton<IAlertSource, IdleBilanAlerts>();
        services.AddSingleton<IAlertSource, ComplaintAcknowledgementAlerts>();
        services.AddSingleton<IAlertSource, ComplaintAnswerAlerts>();
        services.AddSingleton<IAlertSource, EdofDeadlineAlerts>();
        services.AddSingleton<IAlertSource, ConventionSignatureAlerts>();
        services.AddSingleton<IAlertSource, WorkingTimeAuthorizationAlerts>();
        services.AddSingleton<IAlertSource, FollowUpAlerts>();
        return services;
    }

    /// <summary>Maps bilan.v1.AlertService.</summary>
    public static WebApplication MapAlerts(this WebApplication app)
    {
        app.MapGrpcService<AlertsService>();
        return app;
    }
}
