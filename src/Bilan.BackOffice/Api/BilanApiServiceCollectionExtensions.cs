using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bilan.BackOffice.Api;

/// <summary>Registers the gRPC clients the back-office uses to talk to the Bilan API.</summary>
public static class BilanApiServiceCollectionExtensions
{
    /// <summary>Binds <see cref="BilanApiOptions"/> and registers the gRPC clients and the services built on them.</summary>
    public static IServiceCollection AddBilanApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BilanApiOptions>()
            .Bind(configuration.GetSection(BilanApiOptions.SectionName))
            .Validate(
                options => options.ApiUrl is { IsAbsoluteUri: true, Scheme: "http" or "https" },
                "Bilan:ApiUrl must be an absolute http:// or https:// address.")
            .ValidateOnStart();

        services.AddGrpcClient<Health.HealthClient>(
            (provider, client) => client.Address = provider.GetRequiredService<IOptions<BilanApiOptions>>().Value.ApiUrl);

        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<ApiHealth>();

        return services;
    }
}
