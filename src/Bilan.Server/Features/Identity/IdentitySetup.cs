using Bilan.Domain.Identity;
using Bilan.Server.Auth;

namespace Bilan.Server.Features.Identity;

/// <summary>What ServerSetup registers and maps for staff users and their sessions.</summary>
public static class IdentitySetup
{
    /// <summary>
    /// The identity policy (configuration section <c>Bilan:Identity</c>, defaults otherwise) and the resolver of
    /// staff session tokens, beside the other <see cref="ICredentialResolver"/>s.
    /// </summary>
    public static IServiceCollection AddIdentity(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection("Bilan:Identity").Get<IdentityPolicy>() ?? new IdentityPolicy());
        services.AddSingleton<ICredentialResolver, SessionCredentialResolver>();
        return services;
    }

    /// <summary>bilan.v1.UserService and bilan.v1.AuthService.</summary>
    public static WebApplication MapIdentity(this WebApplication app)
    {
        app.MapGrpcService<UsersService>();
        app.MapGrpcService<AuthenticationService>();
        return app;
    }
}
