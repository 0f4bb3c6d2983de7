using System.Diagnostics;
using System.Reflection;

namespace Bilan.Server.Api;

/// <summary>
/// This server process, as support sees it: its version, when it started, and the machine it runs on (the
/// instance named in error records and in <c>SupportService.GetServerStatus</c>; its log has the details).
/// </summary>
public static class ServerInstance
{
    /// <summary>The assembly's informational version (e.g. <c>1.0.0+3f2c9e1</c> when built from git).</summary>
    public static string Version { get; } =
        typeof(ServerInstance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ServerInstance).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>When this process started, in UTC.</summary>
    public static DateTimeOffset StartTime { get; } = ReadStartTime();

    /// <summary>The machine name of this instance.</summary>
    public static string Name { get; } = Environment.MachineName;

    private static DateTimeOffset ReadStartTime()
    {
        using var process = Process.GetCurrentProcess();
        return new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
    }
}
