using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using Grpc.Net.Client;
using StaffRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Tests.Features.Syntheses;

/// <summary>
/// Who reads the synthesis and interview notes (L6313-4): the bilan's consultant and admins, an API client only under
/// the beneficiary's disclosure consent; support and other consultants never. Every read is in the access log.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class ConfidentialAccessTests(ApiFixture fixture)
{
    private const string Password = "Confidential-password-2026";

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task ContentReads_AdminAndConsultant_EachLoggedWithActorAndRole()
    {
        var (consultant, consultantUser, consultantChannel) = await ConsultantAsync();
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync(consultant));
        await Server.WriteSynthesisAsync(bilan.Name);
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 60, 2);
        var notes = interview.Name + "/notes";

        await new SynthesisService.SynthesisServiceClient(consultantChannel).GetSynthesisAsync(new GetSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name) });
        await Server.Syntheses().GetSynthesisAsync(new GetSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name) });
        await new SynthesisService.SynthesisServiceClient(consultantChannel).GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = notes });

        var log = (await Server.Syntheses().ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest { Parent = bilan.Name })).ConfidentialAccesses;
        var adminActor = log[1].Actor;
        Assert.Equal(
            [
                (ConfidentialDocuments.SynthesisName(bilan.Name), $"users/{consultantUser}", AccessorRole.Consultant),
                (ConfidentialDocuments.SynthesisName(bilan.Name), adminActor, AccessorRole.Admin),
                (notes, $"users/{consultantUser}", AccessorRole.Consultant),
            ],
            log.Select(a => (a.Resource, a.Actor, a.Role)));
        Assert.StartsWith("users/", adminActor, StringComparison.Ordinal);
        Assert.All(log, a => Assert.StartsWith(bilan.Name + "/confidentialAccesses/", a.Name, StringComparison.Ordinal));
        Assert.All(log, a => Assert.Equal("", a.DisclosureConsent));
        Assert.Equal(log.OrderBy(a => a.AccessTime).Select(a => a.Name), log.Select(a => a.Name));

        var firstPage = await Server.Syntheses().ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest { Parent = bilan.Name, PageSize = 2 });
        var secondPage = await Server.Syntheses().ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest
        {
            Parent = bilan.Name,
            PageSize = 2,
            PageToken = firstPage.NextPageToken,
        });
        Assert.Equal(log.Select(a => a.Name), firstPage.ConfidentialAccesses.Concat(secondPage.ConfidentialAccesses).Select(a => a.Name));
        Assert.Equal("", secondPage.NextPageToken);
    }

    [Fact]
    public async Task ContentReads_SupportAndOtherConsultant_RefusedAndNotLogged()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        await Server.WriteSynthesisAsync(bilan.Name);
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 60, 2);
        var support = await StaffChannelAsync(StaffRole.Support, null);
        var (_, _, otherConsultant) = await ConsultantAsync();

        var supportSynthesis = await RpcFailure.Of(StatusCode.PermissionDenied, () => new SynthesisService.SynthesisServiceClient(support)
            .GetSynthesisAsync(new GetSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name) }));
        var supportNotes = await RpcFailure.Of(StatusCode.PermissionDenied, () => new SynthesisService.SynthesisServiceClient(support)
            .GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = interview.Name + "/notes" }));
        var otherSynthesis = await RpcFailure.Of(StatusCode.PermissionDenied, () => new SynthesisService.SynthesisServiceClient(otherConsultant)
            .GetSynthesisAsync(new GetSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name) }));
        var otherWrite = await RpcFailure.Of(StatusCode.PermissionDenied, () => new SynthesisService.SynthesisServiceClient(otherConsultant)
            .UpdateSynthesisAsync(new UpdateSynthesisRequest { Synthesis = new Synthesis { Name = ConfidentialDocuments.SynthesisName(bilan.Name), Circumstances = "x" } }));

        Assert.Equal(["CONFIDENTIAL_CONTENT", "CONFIDENTIAL_CONTENT", "NOT_YOUR_BILAN", "NOT_YOUR_BILAN"],
            new[] { supportSynthesis, supportNotes, otherSynthesis, otherWrite }.Select(s => s.ErrorInfo().Reason));
        Assert.Empty((await Server.Syntheses().ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest { Parent = bilan.Name })).ConfidentialAccesses);
        Assert.Equal(ConfidentialDocuments.Circumstances,
            (await Server.Syntheses().GetSynthesisAsync(new GetSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name) })).Circumstances);
    }

    [Fact]
    public async Task GetSynthesis_ApiClient_OnlyTheDeliveredVersionAndOnlyUnderAnActiveDisclosureConsent()
    {
        var organizations = new OrganizationService.OrganizationServiceClient(Server.Channel);
        var organization = await organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Employeur confidentiel" } });
        var key = await organizations.CreateApiKeyAsync(new CreateApiKeyRequest { Parent = organization.Name, ApiKey = new ApiKey { DisplayName = "SIRH" } });
        using var channel = Server.ChannelFor(key.Secret);
        var client = new SynthesisService.SynthesisServiceClient(channel);
        var beneficiaryRequest = Requests.JobSeeker();
        beneficiaryRequest.Organization = organization.Name;
        var beneficiary = await Server.Beneficiaries.CreateAsync(beneficiaryRequest);
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
        bilan = await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = (await Server.NewConsultantAsync()).Name });
        await Server.RecordConsentAsync(bilan.Name);
        bilan = await Server.ToConclusionAsync(bilan);
        var name = ConfidentialDocuments.SynthesisName(bilan.Name);
        var delivered = await Server.DeliverSynthesisAsync(bilan.Name);
        await Server.Syntheses().ReviseSynthesisAsync(new ReviseSynthesisRequest { Name = name, Circumstances = "Brouillon de la version 2" });

        var missing = await RpcFailure.Of(StatusCode.PermissionDenied, () => client.GetSynthesisAsync(new GetSynthesisRequest { Name = name }));
        Assert.Equal("DISCLOSURE_CONSENT_MISSING", missing.ErrorInfo().Reason);
        Assert.Contains("has not agreed to disclose the synthesis to your organisation", missing.Message, StringComparison.Ordinal);

        var consent = await Server.ConsentsClient().RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest
        {
            Parent = bilan.Name,
            DisclosureConsent = new DisclosureConsent
            {
                Organization = organization.Name,
                Scope = DisclosureScope.Synthesis,
                Evidence = "Accord écrit signé",
                ConsentDate = Today(),
            },
        });
        var read = await client.GetSynthesisAsync(new GetSynthesisRequest { Name = name });
        Assert.Equal(delivered, read);

        await Server.ConsentsClient().RevokeDisclosureConsentAsync(new RevokeDisclosureConsentRequest { Name = consent.Name });
        await RpcFailure.Of(StatusCode.PermissionDenied, () => client.GetSynthesisAsync(new GetSynthesisRequest { Name = name }));
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 60, 3);
        await RpcFailure.Of(StatusCode.PermissionDenied, () => client.GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = interview.Name + "/notes" }));

        var entry = Assert.Single((await Server.Syntheses().ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest { Parent = bilan.Name })).ConfidentialAccesses);
        Assert.Equal((name, AccessorRole.ApiClient, consent.Name), (entry.Resource, entry.Role, entry.DisclosureConsent));
        Assert.StartsWith(organization.Name + "/apiKeys/", entry.Actor, StringComparison.Ordinal);
    }

    private Google.Type.Date Today()
    {
        var today = DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime);
        return new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day };
    }

    private async Task<(Consultant Consultant, Guid UserId, GrpcChannel Channel)> ConsultantAsync()
    {
        var consultant = await Server.NewConsultantAsync();
        var consultantId = Guid.Parse(consultant.Name["consultants/".Length..]);
        var email = $"consultant.{Guid.NewGuid():N}@example.org";
        var userId = await TestUsers.InsertAsync(Server.Database, email, Password, email, StaffRole.Consultant, consultantId);
        return (consultant, userId, Server.ChannelAs(email, Password));
    }

    private async Task<GrpcChannel> StaffChannelAsync(StaffRole role, Guid? consultant)
    {
        var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        await TestUsers.InsertAsync(Server.Database, email, Password, email, role, consultant);
        return Server.ChannelAs(email, Password);
    }
}
