using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bilan.Server.Tests.TestSupport;

namespace Bilan.Server.Tests.Features.Transcoding;

/// <summary>
/// The API over HTTP/JSON (gRPC JSON transcoding, google.api.http routes), as an HR tool without gRPC calls it:
/// the same handlers, the same access checks and the same google.rpc.Status errors, written as JSON.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class HttpJsonTests(ApiFixture fixture)
{
    private const string ErrorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Login_OverJson_AnswersASessionTokenThatOpensTheApi()
    {
        using var http = Server.CreateHttpClient();

        var login = await SendAsync(http, HttpMethod.Post, "/v1/auth:login", null,
            new { email = ApiServer.AdminEmail, password = ApiServer.AdminPassword });

        Assert.StartsWith("bs_", login["token"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("STAFF_ROLE_ADMIN", login["user"]!["role"]!.GetValue<string>());
        var bilans = await SendAsync(http, HttpMethod.Get, "/v1/bilans?pageSize=1", login["token"]!.GetValue<string>());
        Assert.NotNull(bilans);
    }

    [Fact]
    public async Task Bilan_CreateGetPatchAssignAndList_OverJson()
    {
        using var http = Server.CreateHttpClient();
        var token = await LoginAsync(http, ApiServer.AdminEmail, ApiServer.AdminPassword);
        var beneficiary = await SendAsync(http, HttpMethod.Post, "/v1/beneficiaries", token,
            new { givenName = "Inès", familyName = "Moreau", email = $"ines.{Guid.NewGuid():N}@example.org", publicCategory = "PUBLIC_CATEGORY_JOB_SEEKER" });
        var beneficiaryName = beneficiary["name"]!.GetValue<string>();

        var created = await SendAsync(http, HttpMethod.Post, "/v1/bilans", token, new
        {
            beneficiary = beneficiaryName,
            workingTime = "WORKING_TIME_OUTSIDE",
            fundingSource = "FUNDING_SOURCE_CPF",
            plannedHours = 24,
            plannedStartDate = new { year = 2027, month = 1, day = 11 },
        });
        var name = created["name"]!.GetValue<string>();
        Assert.Matches("^bilans/[0-9a-f-]{36}$", name);
        Assert.Equal("STATE_REQUESTED", created["state"]!.GetValue<string>());

        var read = await SendAsync(http, HttpMethod.Get, $"/v1/{name}", token);
        Assert.True(JsonNode.DeepEquals(created, read), $"GET answered {read}, not the created {created}");

        // A FieldMask in the query string keeps the proto field names: the transcoding does not convert them.
        var patched = await SendAsync(http, HttpMethod.Patch, $"/v1/{name}?updateMask=plannedHours", token,
            new { plannedHours = 20, fundingSource = "FUNDING_SOURCE_PERSONAL" });
        Assert.Equal(20, patched["plannedHours"]!.GetValue<int>());
        Assert.Equal("FUNDING_SOURCE_CPF", patched["fundingSource"]!.GetValue<string>());
        Assert.NotEqual(created["etag"]!.GetValue<string>(), patched["etag"]!.GetValue<string>());

        var consultant = await SendAsync(http, HttpMethod.Post, "/v1/consultants", token,
            new { displayName = "Claire Dupont", email = $"claire.{Guid.NewGuid():N}@example.org" });
        var assigned = await SendAsync(http, HttpMethod.Post, $"/v1/{name}:assignConsultant", token,
            new { consultant = consultant["name"]!.GetValue<string>(), etag = patched["etag"]!.GetValue<string>() });
        Assert.Equal(consultant["name"]!.GetValue<string>(), assigned["consultant"]!.GetValue<string>());

        var filter = Uri.EscapeDataString($"beneficiary = \"{beneficiaryName}\"");
        var list = await SendAsync(http, HttpMethod.Get, $"/v1/bilans?filter={filter}&pageSize=5", token);
        var listed = Assert.Single(list["bilans"]!.AsArray());
        Assert.Equal(name, listed!["name"]!.GetValue<string>());
        Assert.Equal(consultant["name"]!.GetValue<string>(), listed["consultant"]!.GetValue<string>());
    }

    [Fact]
    public async Task WatchBilanEvents_OverJson_StreamsOneJsonMessagePerLine()
    {
        using var http = Server.CreateHttpClient();
        var token = await LoginAsync(http, ApiServer.AdminEmail, ApiServer.AdminPassword);
        var bilan = await Server.NewBilanAsync();
        var filter = Uri.EscapeDataString($"bilan = \"{bilan.Name}\"");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var response = await http.SendAsync(
            Request(HttpMethod.Get, $"/v1/bilans/-/events:watch?afterEvent=0&filter={filter}", token, null),
            HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = JsonNode.Parse((await reader.ReadLineAsync(timeout.Token))!)!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("BILAN_EVENT_TYPE_CREATED", first["event"]!["type"]!.GetValue<string>());
        Assert.StartsWith($"{bilan.Name}/events/", first["event"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoToken_401WithTheJsonStatus()
    {
        using var http = Server.CreateHttpClient();

        var (status, error) = await FailAsync(http, HttpMethod.Get, "/v1/bilans", null);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(16, error["code"]!.GetValue<int>());
        Assert.Equal("CREDENTIALS_MISSING", Detail(error, ErrorInfoType)["reason"]!.GetValue<string>());
        Assert.Contains("connecter", Detail(error, "type.googleapis.com/google.rpc.LocalizedMessage")["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadToken_401()
    {
        using var http = Server.CreateHttpClient();

        var (status, error) = await FailAsync(http, HttpMethod.Get, "/v1/bilans", "bs_not-a-session");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("CREDENTIALS_INVALID", Detail(error, ErrorInfoType)["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateBeneficiary_BadFields_400ListingEveryField()
    {
        using var http = Server.CreateHttpClient();
        var token = await LoginAsync(http, ApiServer.AdminEmail, ApiServer.AdminPassword);

        var (status, error) = await FailAsync(http, HttpMethod.Post, "/v1/beneficiaries", token, new { email = "not-an-email", phone = "call me" });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(3, error["code"]!.GetValue<int>());
        var violations = Detail(error, "type.googleapis.com/google.rpc.BadRequest")["fieldViolations"]!.AsArray();
        Assert.Equal(
            ["beneficiary.given_name", "beneficiary.family_name", "beneficiary.email", "beneficiary.phone", "beneficiary.public_category"],
            violations.Select(v => v!["field"]!.GetValue<string>()));
        Assert.Equal("INVALID_FIELDS", Detail(error, ErrorInfoType)["reason"]!.GetValue<string>());
        Assert.NotEmpty(Detail(error, "type.googleapis.com/google.rpc.RequestInfo")["requestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetBilan_Unknown_404WithResourceInfo()
    {
        using var http = Server.CreateHttpClient();
        var token = await LoginAsync(http, ApiServer.AdminEmail, ApiServer.AdminPassword);
        var name = $"bilans/{Guid.NewGuid()}";

        var (status, error) = await FailAsync(http, HttpMethod.Get, $"/v1/{name}", token);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(5, error["code"]!.GetValue<int>());
        Assert.Equal(name, Detail(error, "type.googleapis.com/google.rpc.ResourceInfo")["resourceName"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartBilan_WithoutConsultant_FailedPreconditionAs400()
    {
        using var http = Server.CreateHttpClient();
        var token = await LoginAsync(http, ApiServer.AdminEmail, ApiServer.AdminPassword);
        var bilan = await Server.NewBilanAsync();

        var (status, error) = await FailAsync(http, HttpMethod.Post, $"/v1/{bilan.Name}:start", token, new { });

        // The transcoding maps FAILED_PRECONDITION to 400, as google.rpc.Code documents it (not 412).
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(9, error["code"]!.GetValue<int>());
        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", Detail(error, ErrorInfoType)["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateBeneficiary_AsSupport_403()
    {
        var email = $"support.{Guid.NewGuid():N}@example.org";
        await TestUsers.InsertAsync(Server.Database, email, ApiServer.AdminPassword, "Support des tests", Auth.StaffRole.Support, consultant: null);
        using var http = Server.CreateHttpClient();
        var token = await LoginAsync(http, email, ApiServer.AdminPassword);

        var (status, error) = await FailAsync(http, HttpMethod.Post, "/v1/beneficiaries", token,
            new { givenName = "Inès", familyName = "Moreau", email = "ines@example.org", publicCategory = "PUBLIC_CATEGORY_JOB_SEEKER" });

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(7, error["code"]!.GetValue<int>());
        Assert.Equal("ROLE_NOT_ALLOWED", Detail(error, ErrorInfoType)["reason"]!.GetValue<string>());
        // The access check ran under the gRPC method name, which its message quotes.
        Assert.Contains("/bilan.v1.BeneficiaryService/CreateBeneficiary", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<string> LoginAsync(HttpClient http, string email, string password) =>
        (await SendAsync(http, HttpMethod.Post, "/v1/auth:login", null, new { email, password }))["token"]!.GetValue<string>();

    /// <summary>A call that must succeed: its JSON answer.</summary>
    private static async Task<JsonNode> SendAsync(HttpClient http, HttpMethod method, string path, string? token, object? body = null)
    {
        using var response = await http.SendAsync(Request(method, path, token, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!;
    }

    /// <summary>A call that must fail: its HTTP status and its google.rpc.Status in JSON.</summary>
    private static async Task<(HttpStatusCode Status, JsonNode Error)> FailAsync(HttpClient http, HttpMethod method, string path, string? token, object? body = null)
    {
        using var response = await http.SendAsync(Request(method, path, token, body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode, $"{method} {path} succeeded: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(text)!);
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: JsonSerializerOptions.Web);
        }

        return request;
    }

    /// <summary>The detail of the given <c>@type</c> in a JSON google.rpc.Status.</summary>
    private static JsonNode Detail(JsonNode error, string type) =>
        error["details"]!.AsArray().SingleOrDefault(d => d!["@type"]!.GetValue<string>() == type)
            ?? throw new Xunit.Sdk.XunitException($"No {type} in {error}");
}
