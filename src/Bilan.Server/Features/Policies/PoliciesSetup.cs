namespace Bilan.Server.Features.Policies;

/// <summary>What ServerSetup maps for bilan.v1.PolicyService (the policies themselves are registered by their areas).</summary>
public static class PoliciesSetup
{
    /// <summary>Maps bilan.v1.PolicyService.</summary>
    public static WebApplication MapPolicies(this WebApplication app)
    {
        app.MapGrpcService<PoliciesService>();
        return app;
    }
}
