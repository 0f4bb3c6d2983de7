using Bilan.Contracts.V1;
using Bilan.Server.Features.Retention;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Retention;

/// <summary>
/// GDPR access and erasure of a person (answered within one month), and the legal retention of R6313-7 that
/// erasure must respect. On a server of its own: the test moves the clock by years.
/// </summary>
public sealed class BeneficiaryDataTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task ExportThenErase_RefusedWhileRetentionRunsThenErasesEveryTraceOfIdentity()
    {
        var person = Requests.Employee("Delacroix", "Hortense");
        person.Phone = "06 12 34 56 78";
        var (bilan, conclusion) = await Server.InConclusionWithDocumentsAsync(person);
        await Server.SendToCepOperatorAsync(bilan.Name);
        await Server.DeliverCompleteAndCloseAsync(bilan);
        var retainUntil = Domain.FrenchCalendar.DateOf(Server.Clock.GetUtcNow()).AddYears(3);

        var export = await Server.Beneficiaries.ExportBeneficiaryDataAsync(new ExportBeneficiaryDataRequest { Name = bilan.Beneficiary });

        Assert.Equal("Delacroix", export.Beneficiary.FamilyName);
        var exported = Assert.Single(export.Bilans);
        Assert.Equal(bilan.Name, exported.Name);
        Assert.Equal("STATE_CLOSED", exported.State);
        Assert.Equal(3, exported.Interviews.Count);
        Assert.Contains(exported.Interviews, i => i.Name == conclusion.Name && i.Status == "INTERVIEW_STATUS_HELD");
        Assert.Contains(exported.Events, e => e.Type == "BILAN_EVENT_TYPE_CLOSED");
        Assert.Equal("CONSENT_METHOD_SIGNED_PAPER", exported.Consent.Method);
        Assert.Equal("Apec Auvergne-Rhône-Alpes", Assert.Single(exported.DisclosureConsents).CepOperator);
        Assert.Equal(RetentionJourneys.Circumstances, Assert.Single(exported.SynthesisVersions).Circumstances);
        Assert.Equal(retainUntil.Year, exported.RetainUntil.Year);
        Assert.Equal(1L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM confidential_accesses WHERE bilan_id = '{RetentionAtEndTests.Id(bilan.Name)}' AND role = 1 AND access_time = '{export.ExportTime.ToDateTimeOffset():O}'"));

        var refused = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Erase(bilan.Beneficiary));
        Assert.Equal("RETENTION_RUNNING", refused.ErrorInfo().Reason);
        Assert.Equal(retainUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), refused.ErrorInfo().Metadata["retain_until"]);

        Server.Clock.SetUtcNow(new DateTimeOffset(retainUntil.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        await Server.Service<RetentionJob>().RunOnceAsync(CancellationToken.None);
        var erased = await Erase(bilan.Beneficiary);

        Assert.Equal(["Effacé", "Effacé", $"erased-{RetentionAtEndTests.Id(bilan.Beneficiary)}@invalid", ""],
            [erased.GivenName, erased.FamilyName, erased.Email, erased.Phone]);
        Assert.Null(erased.Employer);
        var id = RetentionAtEndTests.Id(bilan.Beneficiary);
        var bilanId = RetentionAtEndTests.Id(bilan.Name);
        foreach (var trace in new[] { "Delacroix", "Hortense", "hortense.delacroix@example.org", "06 12 34 56 78" })
        {
            Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"""
                SELECT (SELECT count(*) FROM beneficiaries b WHERE b.id = '{id}' AND b::text ILIKE '%{trace}%')
                     + (SELECT count(*) FROM situation_periods WHERE beneficiary_id = '{id}')
                     + (SELECT count(*) FROM bilan_events e WHERE e.bilan_id = '{bilanId}' AND e::text ILIKE '%{trace}%')
                     + (SELECT count(*) FROM synthesis_versions s WHERE s.bilan_id = '{bilanId}' AND s::text ILIKE '%{trace}%')
                     + (SELECT count(*) FROM request_log WHERE position(convert_to('{trace}', 'UTF8') IN response) > 0)
                """));
        }

        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM disclosure_consents WHERE bilan_id = '{bilanId}' AND evidence <> ''"));

        // The bilan itself stays, anonymous, for the provider's reporting.
        Assert.Equal(Contracts.V1.Bilan.Types.State.Closed, (await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name })).State);
    }

    [Fact]
    public async Task Erase_BilanInProgress_RefusedUntilItEnds()
    {
        var beneficiary = await Server.Beneficiaries.CreateBeneficiaryAsync(new CreateBeneficiaryRequest
        {
            Beneficiary = Requests.JobSeeker("Carpentier", "Jules"),
            RequestId = Guid.NewGuid().ToString(),
        });
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });

        var refused = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Erase(beneficiary.Name));

        Assert.Equal("BILAN_IN_PROGRESS", refused.ErrorInfo().Reason);
        Assert.Equal(bilan.Name, refused.ErrorInfo().Metadata["bilan"]);
        Assert.Equal("Carpentier", (await Server.Beneficiaries.GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = beneficiary.Name })).FamilyName);

        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });
        var erased = await Erase(beneficiary.Name);

        Assert.Equal("Effacé", erased.FamilyName);
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>(
            "SELECT count(*) FROM request_log WHERE position(convert_to('jules.carpentier@example.org', 'UTF8') IN response) > 0"));
    }

    private Task<Beneficiary> Erase(string name) =>
        Server.Beneficiaries.EraseBeneficiaryAsync(new EraseBeneficiaryRequest { Name = name, RequestId = Guid.NewGuid().ToString() }).ResponseAsync;

    [Fact]
    public async Task Export_BilanInProgressWithNotes_NotesIncludedAndTheirReadLogged()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 60, 2);
        await new SynthesisService.SynthesisServiceClient(Server.Channel).UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = $"{interview.Name}/notes", Text = "Attentes exprimées lors du premier entretien." },
        });

        var export = await Server.Beneficiaries.ExportBeneficiaryDataAsync(new ExportBeneficiaryDataRequest { Name = bilan.Beneficiary });

        var exported = Assert.Single(Assert.Single(export.Bilans).Interviews);
        Assert.Equal("Attentes exprimées lors du premier entretien.", exported.Notes);
        Assert.Equal(1L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM confidential_accesses WHERE resource = '{interview.Name}/notes'"));
    }
}
