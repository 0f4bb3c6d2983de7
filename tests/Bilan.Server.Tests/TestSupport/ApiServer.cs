using Bilan.Contracts.V1;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>
/// The real server (Program) on its own test database, reached through a real gRPC channel. Its clock is a
/// <see cref="FakeTimeProvider"/> that tests move.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private ApiServer(TestDatabase database, FakeTimeProvider clock, WebApplicationFactory<Program> factory)
    {
        Database = database;
        Clock = clock;
        _factory = factory;
        Channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
    }

    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public GrpcChannel Channel { get; }

    public BeneficiaryService.BeneficiaryServiceClient Beneficiaries => new(Channel);

    public BilanService.BilanServiceClient Bilans => new(Channel);

    public ConsultantService.ConsultantServiceClient Consultants => new(Channel);

    public InterviewService.InterviewServiceClient Interviews => new(Channel);

    public Health.HealthClient Health => new(Channel);

    public static async Task<ApiServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync();
        // Every reading moves the clock on by a millisecond, so that creations are ordered as they happen.
        var clock = new FakeTimeProvider(Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:Bilan", database.ConnectionString);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                host.UseSetting(key, value);
            }

            host.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        });
        // Reading factory.Server starts the host, which applies the migrations.
        return new ApiServer(database, clock, factory);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
