using Microsoft.AspNetCore.DataProtection;

namespace Bilan.BackOffice.Security;

/// <summary>
/// The Data Protection keys that encrypt the authentication and antiforgery cookies. Several back-office
/// instances behind one address must share them, or a cookie issued by one is unreadable by the next: the keys
/// are kept in a folder all instances read (<c>BackOffice:DataProtection:KeysPath</c>), under one application
/// name. Without a folder, ASP.NET Core's default applies (keys of this machine's user, one instance only).
/// </summary>
public static class BackOfficeDataProtection
{
    /// <summary>The configuration key of the shared keys folder.</summary>
    public const string KeysPathKey = "BackOffice:DataProtection:KeysPath";

    /// <summary>The configuration key of the application name (default <see cref="DefaultApplicationName"/>).</summary>
    public const string ApplicationNameKey = "BackOffice:DataProtection:ApplicationName";

    /// <summary>
    /// The name every instance protects its cookies under: instances with the same keys and name read each
    /// other's cookies, whatever folder they run from.
    /// </summary>
    public const string DefaultApplicationName = "Bilan.BackOffice";

    /// <summary>Registers Data Protection with the configured shared keys folder and application name.</summary>
    public static IServiceCollection AddBackOfficeDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var applicationName = configuration[ApplicationNameKey];
        var builder = services.AddDataProtection()
            .SetApplicationName(string.IsNullOrWhiteSpace(applicationName) ? DefaultApplicationName : applicationName);

        if (configuration[KeysPathKey] is { Length: > 0 } keysPath)
        {
            // A relative path is taken from the working directory, as scripts/run starts the back-office from its folder.
            builder.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keysPath)));
        }

        return services;
    }
}
