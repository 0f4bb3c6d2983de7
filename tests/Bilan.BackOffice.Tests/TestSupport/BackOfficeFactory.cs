using System.Net;
using System.Text.RegularExpressions;
using Bilan.Contracts.V1;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bilan.BackOffice.Tests.TestSupport;

/// <summary>
/// The real back-office in memory, with the API's clients substituted: health by <paramref name="healthClient"/>,
/// auth by <see cref="Auth"/> (accepting every login by default), bilans by <see cref="Bilans"/>, alerts by
/// <see cref="Alerts"/> (none by default).
/// </summary>
public sealed partial class BackOfficeFactory(Health.HealthClient healthClient, string environment = "Development")
    : WebApplicationFactory<Program>
{
    /// <summary>The API address the back-office is configured with in these tests.</summary>
    public const string ApiUrl = "http://api.bilan.test:7001";

    /// <summary>The substituted auth client; replace it before the first request.</summary>
    public AuthService.AuthServiceClient Auth { get; set; } = ApiCalls.AuthAccepting();

    /// <summary>The substituted bilan client; replace it before the first request.</summary>
    public BilanService.BilanServiceClient Bilans { get; set; } = ApiCalls.Listing(new ListBilansResponse());

    /// <summary>The substituted user client; replace it before the first request.</summary>
    public UserService.UserServiceClient Users { get; set; } = NSubstitute.Substitute.For<UserService.UserServiceClient>();

    /// <summary>The substituted consultant client; replace it before the first request.</summary>
    public ConsultantService.ConsultantServiceClient Consultants { get; set; } = ApiCalls.Consultants();

    /// <summary>The substituted beneficiary client; replace it before the first request.</summary>
    public BeneficiaryService.BeneficiaryServiceClient Beneficiaries { get; set; } = ApiCalls.Beneficiaries();

    /// <summary>The substituted organisation client; replace it before the first request.</summary>
    public OrganizationService.OrganizationServiceClient Organizations { get; set; } = ApiCalls.Organizations();

    /// <summary>The substituted interview client; replace it before the first request.</summary>
    public InterviewService.InterviewServiceClient Interviews { get; set; } = ApiCalls.Interviews();

    /// <summary>The substituted alert client (no alert by default); replace it before the first request.</summary>
    public AlertService.AlertServiceClient Alerts { get; set; } = ApiCalls.Alerts();

    /// <summary>The substituted policy client (the default policy); replace it before the first request.</summary>
    public PolicyService.PolicyServiceClient Policies { get; set; } = ApiCalls.Policies();

    private readonly Dictionary<Type, object> _otherClients = [];

    /// <summary>
    /// Substitutes an API client that has no property here (funding, convention, quality...) by <paramref name="client"/>;
    /// call it before the first request.
    /// </summary>
    public BackOfficeFactory With<TClient>(TClient client)
        where TClient : class
    {
        _otherClients[typeof(TClient)] = client;
        return this;
    }

    /// <summary>Extra configuration settings of the back-office; set them before the first request.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>A client signed in through the real login form (the substituted API accepting the password).</summary>
    public async Task<HttpClient> CreateSignedInClientAsync()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await PostLoginAsync(client);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {response.StatusCode}");
        }

        return client;
    }

    /// <summary>Posts the login form with its antiforgery token, as a browser would.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email = "jeanne.martin@example.fr", string password = "mot de passe correct")
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await AntiforgeryTokenAsync(client, "/Connexion");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["MotDePasse"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri("/Connexion", UriKind.Relative), form);
    }

    /// <summary>The antiforgery token of the first form of <paramref name="path"/>.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return AntiforgeryInput().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Bilan:ApiUrl", ApiUrl);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<Health.HealthClient>();
            services.AddSingleton(healthClient);
            services.RemoveAll<AuthService.AuthServiceClient>();
            services.AddSingleton(_ => Auth);
            services.RemoveAll<BilanService.BilanServiceClient>();
            services.AddSingleton(_ => Bilans);
            services.RemoveAll<UserService.UserServiceClient>();
            services.AddSingleton(_ => Users);
            services.RemoveAll<ConsultantService.ConsultantServiceClient>();
            services.AddSingleton(_ => Consultants);
            services.RemoveAll<BeneficiaryService.BeneficiaryServiceClient>();
            services.AddSingleton(_ => Beneficiaries);
            services.RemoveAll<OrganizationService.OrganizationServiceClient>();
            services.AddSingleton(_ => Organizations);
            services.RemoveAll<InterviewService.InterviewServiceClient>();
            services.AddSingleton(_ => Interviews);
            services.RemoveAll<AlertService.AlertServiceClient>();
            services.AddSingleton(_ => Alerts);
            services.RemoveAll<PolicyService.PolicyServiceClient>();
            services.AddSingleton(_ => Policies);
            foreach (var (type, client) in _otherClients)
            {
                services.RemoveAll(type);
                services.AddSingleton(type, client);
            }
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
