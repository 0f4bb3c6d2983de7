using Bilan.Server.Auth;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilan.Server.Features.Organizations;

/// <summary>What ServerSetup registers and maps for organizations and their API keys.</summary>
public static class OrganizationsSetup
{
    /// <summary>Registers the API key resolver among the <see cref="ICredentialResolver"/>s (once, however often called).</summary>
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICredentialResolver, ApiKeyCredentialResolver>());
        return services;
    }

    /// <summary>Maps bilan.v1.OrganizationService.</summary>
    public static WebApplication MapOrganizations(this WebApplication app)
    {
        app.MapGrpcService<OrganizationsService>();
        return app;
    }
}
