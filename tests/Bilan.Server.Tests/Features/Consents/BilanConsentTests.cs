using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;
using Date = Google.Type.Date;

namespace Bilan.Server.Tests.Features.Consents;

/// <summary>The beneficiary's consent to the bilan (L6313-4): recorded before it starts, needed to start it.</summary>
[Collection(ApiTests.Name)]
public sealed class BilanConsentTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private ConsentService.ConsentServiceClient Consents => Server.ConsentsClient();

    [Fact]
    public async Task RecordBilanConsent_BeforeTheStart_ReadableBackAndInTheHistoryWithoutDetails()
    {
        var bilan = await Server.NewBilanAsync();
        var yesterday = Today().AddDays(-1);

        var recorded = await Consents.RecordBilanConsentAsync(new RecordBilanConsentRequest
        {
            Name = bilan.Name,
            ConsentDate = DateOf(yesterday),
            Method = ConsentMethod.ElectronicSignature,
            KeepDocumentsForFollowUp = true,
        });

        Assert.Equal((bilan.Name, DateOf(yesterday), ConsentMethod.ElectronicSignature, true),
            (recorded.Bilan, recorded.ConsentDate, recorded.Method, recorded.KeepDocumentsForFollowUp));
        Assert.Matches("^users/[0-9a-f-]{36}$", recorded.RecordedBy);
        Assert.NotEmpty(recorded.Etag);
        Assert.Equal(recorded, await Consents.GetBilanConsentAsync(new GetBilanConsentRequest { Name = bilan.Name }));
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events;
        var consentEvent = Assert.Single(events, e => e.Type == BilanEventType.BilanConsentRecorded);
        Assert.Equal("CONSENT_METHOD_ELECTRONIC_SIGNATURE", Assert.Single(consentEvent.Attributes).Value);
        // Recording the consent does not change the bilan itself.
        Assert.Equal(bilan, await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name }));
    }

    [Fact]
    public async Task RecordBilanConsent_Corrected_StaleEtagAbortedCurrentEtagReplaces()
    {
        var bilan = await Server.NewBilanAsync();
        var first = await Server.RecordConsentAsync(bilan.Name);
        var second = await Consents.RecordBilanConsentAsync(Request(bilan.Name, ConsentMethod.Email, first.Etag));

        var status = await RpcFailure.Of(StatusCode.Aborted, () => Consents.RecordBilanConsentAsync(Request(bilan.Name, ConsentMethod.OralRecorded, first.Etag)));

        Assert.Equal("ETAG_MISMATCH", status.ErrorInfo().Reason);
        Assert.NotEqual(first.Etag, second.Etag);
        Assert.Equal(second, await Consents.GetBilanConsentAsync(new GetBilanConsentRequest { Name = bilan.Name }));
    }

    [Fact]
    public async Task GetBilanConsent_NoneRecorded_NotFound()
    {
        var bilan = await Server.NewBilanAsync();

        await RpcFailure.Of(StatusCode.NotFound, () => Consents.GetBilanConsentAsync(new GetBilanConsentRequest { Name = bilan.Name }));
    }

    [Fact]
    public async Task RecordBilanConsent_DateInTheFutureMissingMethodBadName_EveryFieldNamed()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consents.RecordBilanConsentAsync(new RecordBilanConsentRequest
        {
            Name = "bilans/not-a-uuid",
            ConsentDate = DateOf(Today().AddDays(2)),
        }));

        Assert.Equal(["consent_date", "method", "name"], status.BadFields().Order());
    }

    [Fact]
    public async Task RecordBilanConsent_TodayInParisWhileStillYesterdayInUtc_Accepted()
    {
        var bilan = await Server.NewBilanAsync();
        // 23:30 UTC is already the next day in Paris (UTC+1 in winter, +2 in summer).
        var now = Server.Clock.GetUtcNow();
        var lateEvening = new DateTimeOffset(now.UtcDateTime.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);
        Server.Clock.SetUtcNow(lateEvening > now ? lateEvening : lateEvening.AddDays(1));
        var parisToday = Today().AddDays(1);

        var recorded = await Consents.RecordBilanConsentAsync(new RecordBilanConsentRequest
        {
            Name = bilan.Name,
            ConsentDate = DateOf(parisToday),
            Method = ConsentMethod.SignedPaper,
        });

        Assert.Equal(DateOf(parisToday), recorded.ConsentDate);
    }

    [Fact]
    public async Task RecordBilanConsent_AfterTheStart_FailedPrecondition()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Consents.RecordBilanConsentAsync(Request(bilan.Name, ConsentMethod.Email)));

        Assert.Equal("BILAN_CONSENT_NOT_ALLOWED_IN_STATE", status.ErrorInfo().Reason);
        Assert.Equal(ConsentMethod.SignedPaper, (await Consents.GetBilanConsentAsync(new GetBilanConsentRequest { Name = bilan.Name })).Method);
    }

    [Fact]
    public async Task RecordBilanConsent_ByAnotherConsultant_PermissionDenied()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var other = await Server.NewConsultantAsync("Autre Consultant");
        var email = $"other.{Guid.NewGuid():N}@example.org";
        await TestUsers.InsertAsync(Server.Database, email, "Other-password-2026", "Autre Consultant", Auth.StaffRole.Consultant, Guid.Parse(other.Name["consultants/".Length..]));
        using var channel = Server.ChannelAs(email, "Other-password-2026");

        var status = await RpcFailure.Of(StatusCode.PermissionDenied, () =>
            new ConsentService.ConsentServiceClient(channel).RecordBilanConsentAsync(Request(bilan.Name, ConsentMethod.Email)));

        Assert.Equal("NOT_YOUR_BILAN", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task StartBilan_WithoutConsent_ConditionsNotMetNamingTheConsent()
    {
        var bilan = await Server.NewBilanAsync();
        var consultant = await Server.NewConsultantAsync();
        bilan = await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", status.ErrorInfo().Reason);
        Assert.Equal("BILAN_CONSENT_REQUIRED", status.ErrorInfo().Metadata["conditions"]);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("BILAN_CONSENT_REQUIRED", "consent"), (violation.Type, violation.Subject));
        Assert.Contains("L6313-4", violation.Description, StringComparison.Ordinal);

        await Server.RecordConsentAsync(bilan.Name);
        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        Assert.Equal(Bilan.Contracts.V1.Bilan.Types.State.Preliminary, started.State);
    }

    [Fact]
    public async Task RecordBilanConsent_RetriedWithTheSameRequestId_SameAnswerAndOneEvent()
    {
        var bilan = await Server.NewBilanAsync();
        var request = Request(bilan.Name, ConsentMethod.Email);
        request.RequestId = Guid.NewGuid().ToString();

        var first = await Consents.RecordBilanConsentAsync(request);
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await Consents.RecordBilanConsentAsync(request);
        request.Method = ConsentMethod.OralRecorded;
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consents.RecordBilanConsentAsync(request));

        Assert.Equal(first, retry);
        Assert.Equal(["request_id"], status.BadFields());
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events;
        Assert.Single(events, e => e.Type == BilanEventType.BilanConsentRecorded);
    }

    private static RecordBilanConsentRequest Request(string bilanName, ConsentMethod method, string etag = "") => new()
    {
        Name = bilanName,
        ConsentDate = new Date { Year = 2026, Month = 11, Day = 2 },
        Method = method,
        Etag = etag,
    };

    private DateOnly Today() => DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime);

    private static Date DateOf(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
