using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Bilan.BackOffice.Hosting;

/// <summary>
/// The back-office behind a TLS-terminating reverse proxy (nginx, a load balancer): the proxy speaks HTTPS to
/// browsers and plain HTTP to the back-office, and says so in <c>X-Forwarded-Proto</c> and <c>X-Forwarded-For</c>.
/// Without reading them, every request looks like plain HTTP and the session and antiforgery cookies lose their
/// Secure flag (<c>CookieSecurePolicy.SameAsRequest</c>). The headers are believed only from the proxies this
/// configuration names (any other client could forge them): loopback always, plus
/// <c>BackOffice:ForwardedHeaders:KnownProxies</c> (addresses) and <c>BackOffice:ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges).
/// </summary>
public static class BackOfficeForwardedHeaders
{
    /// <summary>The configuration key of the trusted proxies' addresses, e.g. <c>10.0.0.5</c>.</summary>
    public const string KnownProxiesKey = "BackOffice:ForwardedHeaders:KnownProxies";

    /// <summary>The configuration key of the trusted proxies' networks, e.g. <c>10.0.0.0/24</c>.</summary>
    public const string KnownNetworksKey = "BackOffice:ForwardedHeaders:KnownNetworks";

    /// <summary>Reads the trusted proxies; a value that is not an address or a CIDR range stops the start-up, naming it.</summary>
    public static IServiceCollection AddBackOfficeForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = Values(configuration, KnownProxiesKey)
            .Select(value => IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{KnownProxiesKey}: « {value} » is not an IP address (e.g. 10.0.0.5)."))
            .ToList();
        var networks = Values(configuration, KnownNetworksKey)
            .Select(value => System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{KnownNetworksKey}: « {value} » is not a CIDR range (e.g. 10.0.0.0/24)."))
            .ToList();

        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults (loopback) stay: a proxy on the same machine is trusted without configuration.
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
    }

    /// <summary>The values of a list setting, given either as a list (<c>KEY__0</c>, <c>KEY__1</c>) or comma-separated.</summary>
    private static IEnumerable<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(child => child.Value ?? "");
        return values.SelectMany(value => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
