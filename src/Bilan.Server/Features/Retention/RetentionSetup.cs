namespace Bilan.Server.Features.Retention;

public static class RetentionSetup
{
    /// <summary>The retention job (R6313-7), as a hosted service and as itself, so that tests can run one pass.</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionJob>());
        return services;
    }
}
