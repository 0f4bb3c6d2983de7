using System.Diagnostics;
using Bilan.Server.Tests.TestSupport;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Playwright;

namespace Bilan.BackOffice.BrowserTests.TestSupport;

/// <summary>
/// Everything the browser tests drive, started once per test run (collection fixture): a fresh database on the
/// <c>BILAN_TEST_POSTGRES</c> cluster, the real gRPC server on it (with the demo data, so the demo logins work),
/// the real back-office pointed at it, and Debian's Chromium (<c>/usr/bin/chromium</c>, never a downloaded browser)
/// driven by Playwright. Each test opens its own browser context (<see cref="NewPageAsync"/>): cookies are not shared.
/// </summary>
public sealed class RunningBilan : IAsyncLifetime
{
    /// <summary>The environment variable that may name another Chromium binary than <see cref="DefaultChromiumPath"/>.</summary>
    public const string ChromiumVariable = "BILAN_CHROMIUM";

    /// <summary>The browser the tests drive: the system's Chromium (Debian package <c>chromium</c>).</summary>
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>The Chromium binary driven: <c>BILAN_CHROMIUM</c> when set, else <see cref="DefaultChromiumPath"/>.</summary>
    public static string ChromiumPath { get; } =
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromiumPath;

    /// <summary>How long each application may take to answer after its start.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private string? _keysFolder;
    private TestDatabase? _database;
    private AppProcess? _server;
    private AppProcess? _backOffice;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The back-office's address, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BackOfficeUrl { get; private set; } = new("http://127.0.0.1");

    /// <summary>The gRPC API's address.</summary>
    public Uri ApiUrl { get; private set; } = new("http://127.0.0.1");

    /// <summary>The browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The applications have not started.");

    public async Task InitializeAsync()
    {
        // A missing browser is a failure with the way out, never a skipped test.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath} and none is there: install Debian's package " +
                "(sudo apt-get install chromium; scripts/test installs it when run as root). They never download a browser.");
        }

        try
        {
            await StartAsync();
        }
        catch
        {
            // Whatever started is stopped now: no process or database outlives a failed start.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        _keysFolder = Directory.CreateTempSubdirectory("bilan-browser-keys-").FullName;
        _database = await TestDatabase.CreateAsync("bilan_browser");
        var grpcPort = AppProcess.FreePort();
        var jsonPort = AppProcess.FreePort();
        var webPort = AppProcess.FreePort();
        ApiUrl = new Uri($"http://127.0.0.1:{grpcPort}");
        BackOfficeUrl = new Uri($"http://127.0.0.1:{webPort}");

        _server = AppProcess.Start("Bilan.Server", new Dictionary<string, string>
        {
            ["ConnectionStrings__Bilan"] = _database.ConnectionString,
            ["Kestrel__Endpoints__Grpc__Url"] = ApiUrl.ToString().TrimEnd('/'),
            ["Kestrel__Endpoints__Json__Url"] = $"http://127.0.0.1:{jsonPort}",
            ["Bilan__SeedDemoData"] = "true",
        });
        _backOffice = AppProcess.Start("Bilan.BackOffice", new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Http__Url"] = BackOfficeUrl.ToString().TrimEnd('/'),
            ["Bilan__ApiUrl"] = ApiUrl.ToString().TrimEnd('/'),
            ["BackOffice__DataProtection__KeysPath"] = _keysFolder!,
        });

        await WaitForServerAsync(_server);
        await WaitForBackOfficeAsync(_backOffice);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--lang=fr-FR"],
        });
        Directory.CreateDirectory(Repository.ScreenshotsFolder);
    }

    /// <summary>A new page in a browser context of its own (no cookies), on the back-office, at 1280x800, in French.</summary>
    public async Task<BackOfficePage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BackOfficeUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });
        context.SetDefaultTimeout(15_000);
        return new BackOfficePage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_backOffice is not null)
        {
            await _backOffice.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_keysFolder is not null && Directory.Exists(_keysFolder))
        {
            Directory.Delete(_keysFolder, recursive: true);
        }
    }

    private async Task WaitForServerAsync(AppProcess server)
    {
        using var channel = GrpcChannel.ForAddress(ApiUrl);
        var health = new Health.HealthClient(channel);
        var clock = Stopwatch.StartNew();
        string last = "no answer";
        while (clock.Elapsed < StartTimeout)
        {
            ThrowIfExited(server);
            try
            {
                var answer = await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3));
                if (answer.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                last = answer.Status.ToString();
            }
            catch (Grpc.Core.RpcException exception)
            {
                last = exception.StatusCode.ToString();
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"The server did not answer SERVING within {StartTimeout} (last: {last}). Log {server.LogPath}:\n{server.LogTail()}");
    }

    private async Task WaitForBackOfficeAsync(AppProcess backOffice)
    {
        using var http = new HttpClient { BaseAddress = BackOfficeUrl, Timeout = TimeSpan.FromSeconds(3) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            ThrowIfExited(backOffice);
            try
            {
                using var response = await http.GetAsync(new Uri("/Connexion", UriKind.Relative));
                if ((int)response.StatusCode < 500)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Timed out: try again.
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"The back-office did not answer within {StartTimeout}. Log {backOffice.LogPath}:\n{backOffice.LogTail()}");
    }

    private static void ThrowIfExited(AppProcess app)
    {
        if (app.HasExited)
        {
            throw new InvalidOperationException($"{app.Name} stopped during start-up. Log {app.LogPath}:\n{app.LogTail()}");
        }
    }
}

/// <summary>The browser tests share one <see cref="RunningBilan"/>, started once per run.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<RunningBilan>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser";
}
