using System.Reflection;

namespace Bilan.BackOffice.BrowserTests.TestSupport;

/// <summary>Where things are: the repository, the applications' build output, the screenshots and logs folders.</summary>
public static class Repository
{
    /// <summary>The repository's root folder (set at build time).</summary>
    public static string Root { get; } = Metadata("BilanRoot");

    /// <summary>The build configuration the tests were built with; the applications are run from the same one.</summary>
    public static string Configuration { get; } = Metadata("BilanConfiguration");

    /// <summary>The screenshots of the main pages visited, rewritten on each run (ignored by git).</summary>
    public static string ScreenshotsFolder { get; } = Path.Combine(Root, "tests", "Bilan.BackOffice.BrowserTests", "screenshots");

    /// <summary>The applications' logs of the last run (ignored by git).</summary>
    public static string LogsFolder { get; } = Path.Combine(Root, "tests", "Bilan.BackOffice.BrowserTests", "logs");

    /// <summary>The folder of a project under <c>src/</c>.</summary>
    public static string ProjectFolder(string project) => Path.Combine(Root, "src", project);

    /// <summary>The built assembly of a project under <c>src/</c>, in this build's configuration.</summary>
    public static string BuiltAssembly(string project)
    {
        var dll = Path.Combine(ProjectFolder(project), "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is missing: build the solution (dotnet build Bilan.sln -c {Configuration}) before the browser tests.");
    }

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} missing: the project file sets it.");
}
