using Bilan.Contracts.V1;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>
/// The real server (Program) on its own test database, reached through real gRPC channels. Its clock is a
/// <see cref="FakeTimeProvider"/> that tests move. <see cref="Channel"/> calls as an administrator (a real user,
/// logged in through AuthService); <see cref="AnonymousChannel"/> without credentials; <see cref="ChannelFor"/>
/// with any given credential.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;
    private bool _ownsDatabase = true;

    public const string AdminEmail = "admin.tests@example.org";
    public const string AdminPassword = "Admin-password-2026";

    private ApiServer(TestDatabase database, FakeTimeProvider clock, WebApplicationFactory<Program> factory)
    {
        Database = database;
        Clock = clock;
        _factory = factory;
        AnonymousChannel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        Channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new BearerHandler(factory.Server.CreateHandler(), () => LoginAsync(AdminEmail, AdminPassword), clock),
        });
    }

    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public GrpcChannel AnonymousChannel { get; }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>Everything the server logged, at every level.</summary>
    public CapturedLogs Logs { get; private init; } = new();

    public GrpcChannel Channel { get; }

    /// <summary>A service of the server, e.g. a background job whose single pass a test runs after moving the clock.</summary>
    public T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    public BeneficiaryService.BeneficiaryServiceClient Beneficiaries => new(Channel);

    public BilanService.BilanServiceClient Bilans => new(Channel);

    public ConsultantService.ConsultantServiceClient Consultants => new(Channel);

    public InterviewService.InterviewServiceClient Interviews => new(Channel);

    /// <summary>Health answers without credentials, as load balancers and support call it.</summary>
    public Health.HealthClient Health => new(AnonymousChannel);

    /// <summary>A channel sending <paramref name="credential"/> (a session token or an API key) with every call.</summary>
    public GrpcChannel ChannelFor(string credential) => GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = BearerHandler.Fixed(_factory.Server.CreateHandler(), credential, Clock),
    });

    /// <summary>A channel logged in as a staff user, opening a new session whenever the test clock outlives one.</summary>
    public GrpcChannel ChannelAs(string email, string password) => GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = new BearerHandler(_factory.Server.CreateHandler(), () => LoginAsync(email, password), Clock),
    });

    /// <summary>A plain HTTP client on the server, for the HTTP/JSON transcoding of the API; it sends no credentials.</summary>
    public HttpClient CreateHttpClient() => _factory.Server.CreateClient();

    /// <summary>Opens a session through AuthService/Login, as a user of the back-office does.</summary>
    public async Task<string> LoginAsync(string email, string password) =>
        (await new AuthService.AuthServiceClient(AnonymousChannel).LoginAsync(new LoginRequest { Email = email, Password = password })).Token;

    public static async Task<ApiServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        // Every reading moves the clock on by a millisecond, so that creations are ordered as they happen.
        var clock = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var logs = new CapturedLogs();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Bilan", database.ConnectionString);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                host.UseSetting(key, value);
            }

            host.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
            host.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        // Reading factory.Server starts the host, which applies the migrations.
        var server = new ApiServer(database, clock, factory) { Logs = logs };
        await TestUsers.InsertAsync(database, AdminEmail, AdminPassword, "Admin des tests", Auth.StaffRole.Admin, consultant: null);
        return server;
    }

    /// <summary>
    /// Another instance of the server on this one's database, as a second node would run: its own host and
    /// clock (starting at this one's now), the same data. Disposing it leaves the database to this one.
    /// </summary>
    public Task<ApiServer> StartAnotherOnSameDatabaseAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var clock = new FakeTimeProvider(Clock.GetUtcNow()) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Bilan", Database.ConnectionString);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                host.UseSetting(key, value);
            }

            host.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        });
        return Task.FromResult(new ApiServer(Database, clock, factory) { _ownsDatabase = false });
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        AnonymousChannel.Dispose();
        await _factory.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
