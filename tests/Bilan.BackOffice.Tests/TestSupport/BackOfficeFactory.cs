using Grpc.Health.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilan.BackOffice.Tests.TestSupport;

/// <summary>The real back-office in memory, with the API's health client replaced by <paramref name="healthClient"/>.</summary>
public sealed class BackOfficeFactory(Health.HealthClient healthClient, string environment = "Development")
    : WebApplicationFactory<Program>
{
    /// <summary>The API address the back-office is configured with in these tests.</summary>
    public const string ApiUrl = "http://api.bilan.test:7001";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Bilan:ApiUrl", ApiUrl);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<Health.HealthClient>();
            services.AddSingleton(healthClient);
        });
    }
}
