using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Health.V1;
using Grpc.Net.ClientFactory;
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

        services.AddGrpcClient<Health.HealthClient>(ApiAddress);

        // The API's own services: every call carries the signed-in user's session token.
        services.AddHttpContextAccessor();
        services.TryAddSingleton<BearerTokenInterceptor>();
        AddApiClient<AuthService.AuthServiceClient>(services);
        AddApiClient<BilanService.BilanServiceClient>(services);
        AddApiClient<BeneficiaryService.BeneficiaryServiceClient>(services);
        AddApiClient<InterviewService.InterviewServiceClient>(services);
        AddApiClient<ConsultantService.ConsultantServiceClient>(services);
        AddApiClient<OrganizationService.OrganizationServiceClient>(services);
        AddApiClient<ConventionService.ConventionServiceClient>(services);
        AddApiClient<WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient>(services);
        AddApiClient<FollowUpService.FollowUpServiceClient>(services);
        AddApiClient<ConsentService.ConsentServiceClient>(services);
        AddApiClient<SynthesisService.SynthesisServiceClient>(services);
        AddApiClient<UserService.UserServiceClient>(services);
        AddApiClient<FundingService.FundingServiceClient>(services);
        AddApiClient<ReportService.ReportServiceClient>(services);
        AddApiClient<QualityService.QualityServiceClient>(services);
        AddApiClient<AlertService.AlertServiceClient>(services);
        AddApiClient<PolicyService.PolicyServiceClient>(services);

        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<ApiHealth>();

        return services;
    }

    private static void AddApiClient<TClient>(IServiceCollection services)
        where TClient : class =>
        services.AddGrpcClient<TClient>(ApiAddress)
            .AddInterceptor<BearerTokenInterceptor>(InterceptorScope.Client);

    private static void ApiAddress(IServiceProvider provider, GrpcClientFactoryOptions client) =>
        client.Address = provider.GetRequiredService<IOptions<BilanApiOptions>>().Value.ApiUrl;
}
