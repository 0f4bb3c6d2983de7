using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;

namespace Bilan.Server.Tests.Features.Beneficiaries;

/// <summary>
/// GDPR art. 15 and 20: the export of a person carries the funding lines and EDOF dossiers, convention, working-time
/// authorisation, follow-up, satisfaction survey and complaints of their bilans, and nothing of another person's.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class ExportRelatedResourcesTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task Export_CarriesEveryRecordOfTheirBilansAndNoneOfAnotherPersons()
    {
        var person = await PersonalDataJourney.CreateAsync(Server, $"exp-{Guid.NewGuid():N}"[..12], overallScore: 4);
        var other = await PersonalDataJourney.CreateAsync(Server, $"oth-{Guid.NewGuid():N}"[..12], overallScore: 2);

        var export = await Server.Beneficiaries.ExportBeneficiaryDataAsync(new ExportBeneficiaryDataRequest { Name = person.Beneficiary });

        Assert.Equal([person.CpfBilan.Name, person.PlanBilan.Name], export.Bilans.Select(b => b.Name));
        var cpf = export.Bilans[0];
        Assert.Equal([person.CpfLine.Name, person.PersonalLine.Name], cpf.Fundings.Select(f => f.Name));
        Assert.Equal(person.CpfLine.EdofDossier.DossierNumber, cpf.Fundings[0].EdofDossier.DossierNumber);
        Assert.Equal(person.PersonalFunderName, cpf.Fundings[1].FunderName);
        Assert.Equal(WorkingTimeAuthorizationState.Granted, cpf.WorkingTimeAuthorization.State);
        Assert.Equal(EmployerAnswer.Granted, cpf.WorkingTimeAuthorization.Answer);
        Assert.Equal(FollowUpState.Declined, cpf.FollowUp.State);
        Assert.Equal(4, cpf.SatisfactionSurvey.OverallScore);
        Assert.Equal(person.SurveyComments, cpf.SatisfactionSurvey.Comments);
        Assert.Null(cpf.Convention);

        Assert.Equal(new[] { person.ByBeneficiary.Name, person.ByEmployer.Name }.Order(StringComparer.Ordinal),
            cpf.Complaints.Select(c => c.Name).Order(StringComparer.Ordinal));
        var own = cpf.Complaints.Single(c => c.Name == person.ByBeneficiary.Name);
        Assert.Equal([person.ComplaintSubject, person.ComplaintDescription, person.ComplaintAnswer, $"Plaignant {person.Marker}"],
            [own.Subject, own.Description, own.Answer, own.ComplainantName]);
        // The employer's identity is not the person's data (GDPR art. 15(4)); what it says about their bilan is.
        var employers = cpf.Complaints.Single(c => c.Name == person.ByEmployer.Name);
        Assert.Equal(("", Complainant.Employer, "Absences du salarié non signalées"), (employers.ComplainantName, employers.Complainant, employers.Subject));

        var plan = export.Bilans[1];
        Assert.Equal("Bilan de compétences", plan.Convention.Title);
        Assert.Equal(ConventionState.Draft, plan.Convention.State);
        Assert.Empty(plan.Fundings);
        Assert.Empty(plan.Complaints);
        Assert.Null(plan.SatisfactionSurvey);
        Assert.Null(plan.WorkingTimeAuthorization);

        var text = export.ToString();
        foreach (var foreign in new[] { other.Marker, other.CpfBilan.Name, other.PlanBilan.Name, other.CpfLine.EdofDossier.DossierNumber, other.ByBeneficiary.Name })
        {
            Assert.DoesNotContain(foreign, text, StringComparison.Ordinal);
        }
    }
}
