using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;

namespace Bilan.Server.Tests.Features.Beneficiaries;

/// <summary>
/// GDPR art. 17 on the records of a person's bilans: accounting and contractual records stay (Code de commerce
/// L123-22), without the person's name; what the person wrote in a survey or a complaint goes; the quality indicators
/// compute as before. On a server of its own, so that the indicators count these bilans only.
/// </summary>
public sealed class EraseRelatedResourcesTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Erase_KeepsFundingConventionAndScoresAnonymous_ErasesTheirWords_IndicatorsUnchanged()
    {
        var firstDay = Server.Today();
        var person = await PersonalDataJourney.CreateAsync(Server, $"era-{Guid.NewGuid():N}"[..12], overallScore: 2);
        var other = await PersonalDataJourney.CreateAsync(Server, $"kep-{Guid.NewGuid():N}"[..12], overallScore: 5);
        var period = new GetQualityIndicatorsRequest { StartDate = QualityJourneys.DateOf(firstDay), EndDate = QualityJourneys.DateOf(Server.Today()) };
        var before = await Server.Quality().GetQualityIndicatorsAsync(period);

        await Server.Beneficiaries.EraseBeneficiaryAsync(new EraseBeneficiaryRequest { Name = person.Beneficiary, RequestId = Guid.NewGuid().ToString() });

        // Accounting and contractual records stay (L123-22): amounts, EDOF dossier, convention; no name of the person.
        var cpfLine = await Server.FundingClient().GetFundingAsync(new GetFundingRequest { Name = person.CpfLine.Name });
        Assert.Equal((person.CpfLine.AmountCents, person.CpfLine.EdofDossier.DossierNumber), (cpfLine.AmountCents, cpfLine.EdofDossier.DossierNumber));
        var personalLine = await Server.FundingClient().GetFundingAsync(new GetFundingRequest { Name = person.PersonalLine.Name });
        Assert.Equal(("Le bénéficiaire", 10_320L), (personalLine.FunderName, personalLine.AmountCents));
        Assert.NotEqual(person.PersonalLine.Etag, personalLine.Etag);
        var convention = await Server.ConventionsClient().GetConventionAsync(new GetConventionRequest { Name = $"{person.PlanBilan.Name}/convention" });
        Assert.Equal(("Bilan de compétences", 1850.5), (convention.Title, convention.PriceEuros));
        var authorization = await Server.AuthorizationsClient().GetWorkingTimeAuthorizationAsync(
            new GetWorkingTimeAuthorizationRequest { Name = $"{person.CpfBilan.Name}/workingTimeAuthorization" });
        Assert.Equal(WorkingTimeAuthorizationState.Granted, authorization.State);
        var followUp = await Server.FollowUpsClient().GetFollowUpAsync(new GetFollowUpRequest { Name = $"{person.CpfBilan.Name}/followUp" });
        Assert.Equal(FollowUpState.Declined, followUp.State);

        // The survey's score stays, anonymous; the person's words go.
        var survey = await Server.Quality().GetSatisfactionSurveyAsync(new GetSatisfactionSurveyRequest { Name = $"{person.CpfBilan.Name}/satisfactionSurvey" });
        Assert.Equal((2, ""), (survey.OverallScore, survey.Comments));

        // The person's complaint keeps its handling, not their words nor the answer addressed to them.
        var own = await Server.Quality().GetComplaintAsync(new GetComplaintRequest { Name = person.ByBeneficiary.Name });
        Assert.Equal(("", "Effacé", "", ""), (own.ComplainantName, own.Subject, own.Description, own.Answer));
        Assert.Equal((ComplaintStatus.Resolved, PersonalDataJourney.CorrectiveAction, person.ByBeneficiary.AnswerDate, person.ByBeneficiary.ReceivedDate),
            (own.Status, own.CorrectiveAction, own.AnswerDate, own.ReceivedDate));
        // The employer's complaint is the employer's: it stays as made.
        var employers = await Server.Quality().GetComplaintAsync(new GetComplaintRequest { Name = person.ByEmployer.Name });
        Assert.Equal((PersonalDataJourney.EmployerName, person.ByEmployer.Description), (employers.ComplainantName, employers.Description));

        // No trace of what the person wrote, or of the name on their line, in any table or recorded answer; the other
        // person's records are untouched.
        Assert.Equal(0L, await TracesAsync(person.Marker));
        // The other's line, survey and complaint, and the recorded answers of the line's and the complaint's creation (a
        // survey's recorded answer never holds its comments).
        Assert.Equal(5L, await TracesAsync(other.Marker));
        var otherSurvey = await Server.Quality().GetSatisfactionSurveyAsync(new GetSatisfactionSurveyRequest { Name = $"{other.CpfBilan.Name}/satisfactionSurvey" });
        Assert.Equal(other.SurveyComments, otherSurvey.Comments);

        var after = await Server.Quality().GetQualityIndicatorsAsync(period);
        Assert.Equal(before, after);
        Assert.Equal((2, 3.5, 4, 2), (after.SurveyCount, after.AverageScore, after.ComplaintsReceived, after.ComplaintsResolved));
    }

    /// <summary>Rows and recorded answers holding <paramref name="marker"/>: the funding line, the survey, the complaint, their answers.</summary>
    private Task<long> TracesAsync(string marker) => Server.Database.ScalarAsync<long>($"""
        SELECT (SELECT count(*) FROM fundings f WHERE f::text LIKE '%{marker}%')
             + (SELECT count(*) FROM satisfaction_surveys s WHERE s::text LIKE '%{marker}%')
             + (SELECT count(*) FROM complaints c WHERE c::text LIKE '%{marker}%')
             + (SELECT count(*) FROM request_log WHERE position(convert_to('{marker}', 'UTF8') IN response) > 0)
        """);
}
