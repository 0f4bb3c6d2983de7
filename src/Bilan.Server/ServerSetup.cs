using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Alerts;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Consultants;
using Bilan.Server.Features.Funding;
using Bilan.Server.Features.Identity;
using Bilan.Server.Features.Interviews;
using Bilan.Server.Features.Organizations;
using Bilan.Server.Features.Policies;
using Bilan.Server.Features.Quality;
using Bilan.Server.Features.Reports;
using Bilan.Server.Features.Retention;
using Bilan.Server.Features.Support;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Bilan.Server;

/// <summary>What Program.cs registers and maps, area by area.</summary>
public static class ServerSetup
{
    /// <summary>
    /// Endpoints speak HTTP/2 only unless they say otherwise: gRPC needs it, and without TLS (h2c) Kestrel can only
    /// offer HTTP/2 with prior knowledge when HTTP/1.1 is off. The HTTP/JSON endpoint (appsettings.json,
    /// Kestrel:Endpoints:Json) declares HTTP/1.1, which is what curl and HR tools without gRPC speak.
    /// </summary>
    public static IWebHostBuilder UseHttp2Only(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));

    public static IServiceCollection AddBilanServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection("Bilan:Policy").Get<BilanPolicy>() ?? new BilanPolicy());
        services.AddSingleton(BilanLifecycle.Default);
        services.AddSingleton<Features.Bilans.History.BilanEventStream>();
        services.AddBilanData(configuration);
        // The error mapping wraps the access check, so that its refusals get the same rich statuses.
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<AccessInterceptor>();
        }).AddJsonTranscoding(options =>
            // HTTP/JSON for HR tools without gRPC, through the same interceptors; the error details travel as Any.
            options.TypeRegistry = TypeRegistry.FromFiles(Google.Rpc.ErrorDetailsReflection.Descriptor));
        services.AddIdentity();
        services.AddOrganizations();
        services.AddSupport();
        services.AddRetention();
        services.AddFunding(configuration);
        services.AddQuality(configuration);
        services.AddAlerts(configuration);
        services.AddBilanReflection();
        services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>Brings the schema up to date, then writes the demo data when configured to.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        if (app.Configuration.GetValue<bool>("Bilan:SeedDemoData"))
        {
            await app.Services.GetRequiredService<DemoData>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
        }
    }

    public static WebApplication MapBilanServer(this WebApplication app)
    {
        app.MapGrpcService<BeneficiariesService>();
        app.MapGrpcService<BilansService>();
        app.MapGrpcService<InterviewsService>();
        app.MapGrpcService<Features.Consents.ConsentsService>();
        app.MapGrpcService<ConsultantsService>();
        app.MapGrpcService<Features.Confidential.SynthesesService>();
        app.MapGrpcService<Features.Conventions.ConventionsService>();
        app.MapGrpcService<Features.WorkingTimeAuthorizations.WorkingTimeAuthorizationsService>();
        app.MapGrpcService<Features.FollowUps.FollowUpsService>();
        app.MapIdentity();
        app.MapOrganizations();
        app.MapSupport();
        app.MapFunding();
        app.MapReports();
        app.MapQuality();
        app.MapAlerts();
        app.MapPolicies();
        app.MapGrpcHealthChecksService();
        // Server reflection (v1 and v1alpha) lets grpcurl and buf curl list and describe the API; an
        // installation that does not want it sets Bilan:Reflection:Enabled to false.
        if (app.Configuration.GetValue("Bilan:Reflection:Enabled", true))
        {
            app.MapGrpcReflectionService();
        }

        return app;
    }
}
