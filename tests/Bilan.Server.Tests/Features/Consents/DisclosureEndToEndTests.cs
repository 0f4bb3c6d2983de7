using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Date = Google.Type.Date;

namespace Bilan.Server.Tests.Features.Consents;

/// <summary>
/// An employer's HR software reads a beneficiary's synthesis only while the beneficiary's disclosure consent to
/// that employer is active (L6313-4), and every read it makes is in the confidential access log with that consent.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class DisclosureEndToEndTests(ApiFixture fixture)
{
    private const string Circumstances = "Circonstances : reconversion après un accident du travail.";

    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task ApiClientOfTheEmployer_ReadsTheSynthesisOnlyWhileTheDisclosureConsentIsActive()
    {
        // The employer, its HR software's key, and a bilan of one of its employees, taken to a delivered synthesis.
        var organizations = new OrganizationService.OrganizationServiceClient(Server.Channel);
        var employer = await organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = $"Employeur {Guid.NewGuid():N}" } });
        var key = await organizations.CreateApiKeyAsync(new CreateApiKeyRequest { Parent = employer.Name, ApiKey = new ApiKey { DisplayName = "SIRH" } });
        using var hrChannel = Server.ChannelFor(key.Secret);
        var hrSyntheses = new SynthesisService.SynthesisServiceClient(hrChannel);
        var employee = Requests.Employee();
        employee.Organization = employer.Name;
        var beneficiary = await Server.Beneficiaries.CreateAsync(employee);
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
        var consultant = await Server.NewConsultantAsync();
        bilan = await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        await Server.RecordConsentAsync(bilan.Name);
        await Server.ToConclusionAsync(bilan);
        var synthesisName = $"{bilan.Name}/synthesis";
        var syntheses = new SynthesisService.SynthesisServiceClient(Server.Channel);
        await syntheses.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis { Name = synthesisName, Circumstances = Circumstances, SkillsAndOptions = "Compétences : gestion d'équipe.", ProjectAndSteps = "Projet : formateur." },
        });
        var delivered = await syntheses.DeliverSynthesisAsync(new DeliverSynthesisRequest
        {
            Name = synthesisName,
            DeliverTime = Timestamp.FromDateTimeOffset(Server.Clock.GetUtcNow()),
            DeliveryMethod = DeliveryMethod.InPerson,
        });
        var get = new GetSynthesisRequest { Name = synthesisName };

        // No disclosure consent: refused, and nothing of the synthesis in the error.
        var refused = await RpcFailure.Of(StatusCode.PermissionDenied, () => hrSyntheses.GetSynthesisAsync(get));
        Assert.Equal("DISCLOSURE_CONSENT_MISSING", refused.ErrorInfo().Reason);
        Assert.DoesNotContain(Circumstances, refused.Message, StringComparison.Ordinal);

        // The beneficiary agrees in writing: the HR software reads the delivered synthesis.
        var consent = await Server.ConsentsClient().RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest
        {
            Parent = bilan.Name,
            DisclosureConsent = new DisclosureConsent
            {
                Organization = employer.Name,
                Scope = DisclosureScope.Synthesis,
                Evidence = "Accord écrit du bénéficiaire signé le 27/11/2026",
                ConsentDate = Today(),
            },
        });
        var read = await hrSyntheses.GetSynthesisAsync(get);
        Assert.Equal((delivered.Version, Circumstances), (read.Version, read.Circumstances));
        Server.Clock.Advance(TimeSpan.FromMinutes(10));
        await hrSyntheses.GetSynthesisAsync(get);

        // The beneficiary withdraws the agreement: refused again, at once.
        Server.Clock.Advance(TimeSpan.FromMinutes(10));
        await Server.ConsentsClient().RevokeDisclosureConsentAsync(new RevokeDisclosureConsentRequest { Name = consent.Name });
        var refusedAgain = await RpcFailure.Of(StatusCode.PermissionDenied, () => hrSyntheses.GetSynthesisAsync(get));
        Assert.Equal("DISCLOSURE_CONSENT_MISSING", refusedAgain.ErrorInfo().Reason);

        // Each successful read of the HR software is in the access log, with the consent that allowed it; the
        // refused ones are not.
        var accesses = (await syntheses.ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest { Parent = bilan.Name }))
            .ConfidentialAccesses.Where(a => a.Role == AccessorRole.ApiClient).ToList();
        Assert.Equal(2, accesses.Count);
        foreach (var access in accesses)
        {
            Assert.Equal((synthesisName, key.ApiKey.Name, consent.Name), (access.Resource, access.Actor, access.DisclosureConsent));
        }
    }

    private Date Today()
    {
        var today = DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime);
        return new Date { Year = today.Year, Month = today.Month, Day = today.Day };
    }
}
