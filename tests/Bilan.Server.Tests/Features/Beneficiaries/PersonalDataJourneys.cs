using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using BilanResource = Bilan.Contracts.V1.Bilan;
using FundingResource = Bilan.Contracts.V1.Funding;

namespace Bilan.Server.Tests.Features.Beneficiaries;

/// <summary>
/// A person with one of everything a personal data export and an erasure are about, in the words of
/// <paramref name="Marker"/> so that tests can find (or miss) them: a CPF bilan on working time (authorisation asked
/// and granted, a CPF line with its EDOF dossier and a personal line in the person's name, completed with a survey
/// and two complaints, then closed) and a bilan funded by the employer's plan with a drafted convention, cancelled.
/// </summary>
internal sealed record PersonalDataJourney(
    string Marker, string Beneficiary, BilanResource CpfBilan, BilanResource PlanBilan, FundingResource CpfLine, FundingResource PersonalLine,
    Complaint ByBeneficiary, Complaint ByEmployer)
{
    public const string EmployerName = "Centre hospitalier de Valence";

    public string PersonalFunderName => $"Payeur {Marker}";

    public string SurveyComments => $"Consultante à l'écoute {Marker}";

    public string ComplaintSubject => $"Report d'entretien {Marker}";

    public string ComplaintDescription => $"Trois reports sans explication {Marker}";

    public string ComplaintAnswer => $"Nous vous présentons nos excuses {Marker}";

    public const string CorrectiveAction = "Rappel des délais de prévenance aux consultants.";

    public static async Task<PersonalDataJourney> CreateAsync(ApiServer server, string marker, int overallScore)
    {
        var bilan = await server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.PartlyDuring, startInDays: 70);
        var authorization = $"{bilan.Name}/workingTimeAuthorization";
        await server.AuthorizationsClient().RequestWorkingTimeAuthorizationAsync(new RequestWorkingTimeAuthorizationRequest { Name = authorization, RequestDate = server.Day() });
        await server.AuthorizationsClient().RecordEmployerAnswerAsync(new RecordEmployerAnswerRequest
        {
            Name = authorization, Answer = EmployerAnswer.Granted, AnswerDate = server.Day(),
        });
        var cpfLine = await server.AddFundingAsync(bilan.Name, Fundings.Cpf(withDossier: true));
        var personal = await server.FundingClient().CreateFundingAsync(new CreateFundingRequest
        {
            Parent = bilan.Name,
            Funding = new FundingResource { FunderType = FunderType.Personal, FunderName = $"Payeur {marker}", AmountCents = 10_320 },
            RequestId = Guid.NewGuid().ToString(),
        });

        var plan = Requests.Bilan(bilan.Beneficiary);
        plan.FundingSource = FundingSource.EmployerPlan;
        plan.WorkingTime = WorkingTime.During;
        var planBilan = await server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = plan });
        await server.ConventionsClient().UpdateConventionAsync(new UpdateConventionRequest { Convention = TestSupport.StartConditions.CompleteConvention(planBilan.Name) });
        await server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = planBilan.Name });

        await server.ReadyToCompleteAsync(bilan);
        bilan = await server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        var journey = new PersonalDataJourney(marker, bilan.Beneficiary, bilan, planBilan, cpfLine, personal, null!, null!);
        await server.Quality().RecordSatisfactionSurveyAsync(new RecordSatisfactionSurveyRequest
        {
            Parent = bilan.Name,
            Survey = new SatisfactionSurvey { OverallScore = overallScore, Comments = journey.SurveyComments, AnswerDate = QualityJourneys.DateOf(server.Today()) },
            RequestId = Guid.NewGuid().ToString(),
        });
        var byBeneficiary = await server.Quality().CreateComplaintAsync(new CreateComplaintRequest
        {
            Complaint = new Complaint
            {
                ReceivedDate = QualityJourneys.DateOf(server.Today()),
                Channel = ComplaintChannel.Email,
                Complainant = Complainant.Beneficiary,
                ComplainantName = $"Plaignant {marker}",
                Bilan = bilan.Name,
                Subject = journey.ComplaintSubject,
                Description = journey.ComplaintDescription,
            },
            RequestId = Guid.NewGuid().ToString(),
        });
        await server.Quality().AcknowledgeComplaintAsync(new AcknowledgeComplaintRequest { Name = byBeneficiary.Name });
        byBeneficiary = await server.Quality().ResolveComplaintAsync(new ResolveComplaintRequest
        {
            Name = byBeneficiary.Name, Answer = journey.ComplaintAnswer, CorrectiveAction = CorrectiveAction,
        });
        var byEmployer = await server.Quality().CreateComplaintAsync(new CreateComplaintRequest
        {
            Complaint = new Complaint
            {
                ReceivedDate = QualityJourneys.DateOf(server.Today()),
                Channel = ComplaintChannel.Phone,
                Complainant = Complainant.Employer,
                ComplainantName = EmployerName,
                Bilan = bilan.Name,
                Subject = "Absences du salarié non signalées",
                Description = "Le service n'a pas été prévenu des dates d'entretien.",
            },
        });
        bilan = await server.DeclineAndCloseAsync(bilan.Name);
        return journey with { CpfBilan = bilan, ByBeneficiary = byBeneficiary, ByEmployer = byEmployer };
    }
}
