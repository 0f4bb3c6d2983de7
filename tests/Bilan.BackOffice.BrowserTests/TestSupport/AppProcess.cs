using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bilan.BackOffice.BrowserTests.TestSupport;

/// <summary>
/// One application of the repository run from its build output, as scripts/run runs it (<c>dotnet App.dll</c> from
/// the project folder, settings as environment variables), its output written to a log file. Stopped (with its
/// children) on dispose, and when the test process exits.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private AppProcess(string name, Process process, StreamWriter log, string logPath)
    {
        Name = name;
        _process = process;
        _log = log;
        LogPath = logPath;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    /// <summary>The project's name (<c>Bilan.Server</c>).</summary>
    public string Name { get; }

    /// <summary>The file its output goes to.</summary>
    public string LogPath { get; }

    /// <summary>Whether it has stopped.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="project"/>'s built dll with <paramref name="settings"/> in its environment.</summary>
    public static AppProcess Start(string project, IReadOnlyDictionary<string, string> settings)
    {
        Directory.CreateDirectory(Repository.LogsFolder);
        var logPath = Path.Combine(Repository.LogsFolder, project + ".log");
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.ProjectFolder(project),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Repository.BuiltAssembly(project));
        // The test host's own environment (Development, test SDK variables) is not the applications'.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {project}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AppProcess(project, process, log, logPath);
    }

    /// <summary>A TCP port free on 127.0.0.1 now (the OS's choice).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The last lines of its log, for a failure message.</summary>
    public string LogTail(int lines = 40)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(log unreadable)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGKILL: the database is dropped right after, there is nothing to shut down gracefully for.
            Kill();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Reported by the log; nothing else to do.
            }
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The process wrote after the log was closed.
            }
        }
    }
}
