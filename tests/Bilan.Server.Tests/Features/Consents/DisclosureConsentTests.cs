using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using Date = Google.Type.Date;

namespace Bilan.Server.Tests.Features.Consents;

/// <summary>The beneficiary's explicit agreements to disclose their synthesis to a third party.</summary>
[Collection(ApiTests.Name)]
public sealed class DisclosureConsentTests(ApiFixture fixture)
{
    private const string Evidence = "Accord écrit signé le 02/11/2026";

    private ApiServer Server => fixture.Server;

    private ConsentService.ConsentServiceClient Consents => Server.ConsentsClient();

    [Fact]
    public async Task RecordDisclosureConsent_ToAnOrganisation_ActiveListedAndInTheHistoryWithoutEvidence()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var organization = await NewOrganizationAsync();

        var recorded = await Consents.RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest
        {
            Parent = bilan.Name,
            DisclosureConsent = ToOrganization(organization.Name, DisclosureScope.SynthesisAndResults),
        });

        Assert.Matches($"^{bilan.Name}/disclosureConsents/[0-9a-f-]{{36}}$", recorded.Name);
        Assert.Equal(
            (organization.Name, DisclosureScope.SynthesisAndResults, Evidence, true, (Google.Protobuf.WellKnownTypes.Timestamp?)null),
            (recorded.Organization, recorded.Scope, recorded.Evidence, recorded.Active, recorded.RevokeTime));
        Assert.Equal(DisclosureConsent.RecipientOneofCase.Organization, recorded.RecipientCase);
        Assert.NotNull(recorded.CreateTime);
        var listed = await Consents.ListDisclosureConsentsAsync(new ListDisclosureConsentsRequest { Parent = bilan.Name });
        Assert.Equal(recorded, Assert.Single(listed.DisclosureConsents));
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events;
        var recordedEvent = Assert.Single(events, e => e.Type == BilanEventType.DisclosureConsentRecorded);
        Assert.Equal(recorded.Name, recordedEvent.Attributes["disclosure_consent"]);
        Assert.Equal("DISCLOSURE_SCOPE_SYNTHESIS_AND_RESULTS", recordedEvent.Attributes["scope"]);
        Assert.DoesNotContain(recordedEvent.Attributes.Values, v => v.Contains("Accord", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokeDisclosureConsent_Active_RevokedAtOnceKeptInTheListAndNotTwice()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var recorded = await Consents.RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest
        {
            Parent = bilan.Name,
            DisclosureConsent = ToCep("Apec Bretagne"),
        });
        Server.Clock.Advance(TimeSpan.FromHours(1));
        var before = Server.Clock.GetUtcNow();

        var revoked = await Consents.RevokeDisclosureConsentAsync(new RevokeDisclosureConsentRequest { Name = recorded.Name });

        Assert.False(revoked.Active);
        Assert.InRange(revoked.RevokeTime.ToDateTimeOffset(), before, Server.Clock.GetUtcNow());
        Assert.Equal(("Apec Bretagne", recorded.CreateTime), (revoked.CepOperator, revoked.CreateTime));
        var listed = await Consents.ListDisclosureConsentsAsync(new ListDisclosureConsentsRequest { Parent = bilan.Name });
        Assert.Equal(revoked, Assert.Single(listed.DisclosureConsents));
        var again = await RpcFailure.Of(StatusCode.FailedPrecondition, () =>
            Consents.RevokeDisclosureConsentAsync(new RevokeDisclosureConsentRequest { Name = recorded.Name }));
        Assert.Equal("DISCLOSURE_CONSENT_REVOKED", again.ErrorInfo().Reason);
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events;
        Assert.Equal(recorded.Name, Assert.Single(events, e => e.Type == BilanEventType.DisclosureConsentRevoked).Attributes["disclosure_consent"]);
    }

    [Fact]
    public async Task RecordDisclosureConsent_NoRecipientNoScopeNoEvidenceFutureDate_EveryFieldNamed()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var today = DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime).AddDays(2);

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consents.RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest
        {
            Parent = bilan.Name,
            DisclosureConsent = new DisclosureConsent { ConsentDate = new Date { Year = today.Year, Month = today.Month, Day = today.Day } },
        }));

        Assert.Equal(
            ["disclosure_consent.consent_date", "disclosure_consent.evidence", "disclosure_consent.recipient", "disclosure_consent.scope"],
            status.BadFields().Order());
    }

    [Fact]
    public async Task RecordDisclosureConsent_EvidenceOver500Characters_InvalidArgument()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var consent = ToCep("Cap Emploi");
        consent.Evidence = new string('a', 501);

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () =>
            Consents.RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest { Parent = bilan.Name, DisclosureConsent = consent }));

        Assert.Equal(["disclosure_consent.evidence"], status.BadFields());
    }

    [Fact]
    public async Task RecordDisclosureConsent_UnknownOrganisation_NotFoundAndNothingRecorded()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var unknown = $"organizations/{Guid.NewGuid()}";

        await RpcFailure.Of(StatusCode.NotFound, () => Consents.RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest
        {
            Parent = bilan.Name,
            DisclosureConsent = ToOrganization(unknown, DisclosureScope.Synthesis),
        }));

        Assert.Empty((await Consents.ListDisclosureConsentsAsync(new ListDisclosureConsentsRequest { Parent = bilan.Name })).DisclosureConsents);
    }

    [Fact]
    public async Task RecordDisclosureConsent_RetriedWithTheSameRequestId_OneConsentOneEvent()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var request = new RecordDisclosureConsentRequest { Parent = bilan.Name, DisclosureConsent = ToCep("Apec"), RequestId = Guid.NewGuid().ToString() };

        var first = await Consents.RecordDisclosureConsentAsync(request);
        var retry = await Consents.RecordDisclosureConsentAsync(request);
        var revokeRequest = new RevokeDisclosureConsentRequest { Name = first.Name, RequestId = Guid.NewGuid().ToString() };
        var revoked = await Consents.RevokeDisclosureConsentAsync(revokeRequest);
        var revokeRetry = await Consents.RevokeDisclosureConsentAsync(revokeRequest);

        Assert.Equal(first, retry);
        Assert.Equal(revoked, revokeRetry);
        Assert.Single((await Consents.ListDisclosureConsentsAsync(new ListDisclosureConsentsRequest { Parent = bilan.Name })).DisclosureConsents);
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events;
        Assert.Single(events, e => e.Type == BilanEventType.DisclosureConsentRecorded);
        Assert.Single(events, e => e.Type == BilanEventType.DisclosureConsentRevoked);
    }

    [Fact]
    public async Task ListDisclosureConsents_PagedByTwo_EveryConsentOnceOldestFirst()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            names.Add((await Consents.RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest { Parent = bilan.Name, DisclosureConsent = ToCep($"Opérateur {i}") })).Name);
            Server.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await Consents.ListDisclosureConsentsAsync(new ListDisclosureConsentsRequest { Parent = bilan.Name, PageSize = 2, PageToken = token });
            Assert.True(page.DisclosureConsents.Count <= 2);
            seen.AddRange(page.DisclosureConsents.Select(c => c.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(names, seen);
    }

    [Fact]
    public async Task RevokeDisclosureConsent_OfAnotherBilan_NotFound()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var other = await Server.NewAssignedBilanAsync();
        var recorded = await Consents.RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest { Parent = bilan.Name, DisclosureConsent = ToCep("Apec") });
        var wrongName = recorded.Name.Replace(bilan.Name, other.Name, StringComparison.Ordinal);

        await RpcFailure.Of(StatusCode.NotFound, () => Consents.RevokeDisclosureConsentAsync(new RevokeDisclosureConsentRequest { Name = wrongName }));

        Assert.True(Assert.Single((await Consents.ListDisclosureConsentsAsync(new ListDisclosureConsentsRequest { Parent = bilan.Name })).DisclosureConsents).Active);
    }

    private async Task<Organization> NewOrganizationAsync() =>
        await new OrganizationService.OrganizationServiceClient(Server.Channel).CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = $"Employeur {Guid.NewGuid():N}" },
        });

    private static DisclosureConsent ToOrganization(string organization, DisclosureScope scope) => new()
    {
        Organization = organization,
        Scope = scope,
        Evidence = Evidence,
        ConsentDate = new Date { Year = 2026, Month = 11, Day = 2 },
    };

    private static DisclosureConsent ToCep(string operatorName) => new()
    {
        CepOperator = operatorName,
        Scope = DisclosureScope.Synthesis,
        Evidence = Evidence,
        ConsentDate = new Date { Year = 2026, Month = 11, Day = 2 },
    };
}
