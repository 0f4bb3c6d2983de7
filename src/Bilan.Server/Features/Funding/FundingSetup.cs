using Bilan.Domain.Funding;

namespace Bilan.Server.Features.Funding;

/// <summary>Registration of bilan.v1.FundingService and its CPF policy (<c>Bilan:Cpf</c>, defaults in <see cref="CpfPolicy"/>).</summary>
public static class FundingSetup
{
    public static IServiceCollection AddFunding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Bilan:Cpf").Get<CpfPolicySettings>()?.ToPolicy() ?? CpfPolicy.Default);
        return services;
    }

    public static WebApplication MapFunding(this WebApplication app)
    {
        app.MapGrpcService<FundingsService>();
        return app;
    }
}
