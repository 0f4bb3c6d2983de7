using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Bilan.Server.Tests.TestSupport.Fundings;

namespace Bilan.Server.Tests.Features.Reports;

/// <summary>
/// The BPF figures of a seeded year, on a server of its own (so that no other test's bilans count), checked against
/// numbers computed by hand below. Interviews are at 10:00 UTC (11:00 Paris in winter) unless said otherwise.
/// </summary>
public sealed class BpfReportTests : IAsyncLifetime
{
    private ApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        var consultant = await _server.NewConsultantAsync("Claire Dupont");
        var interviews = new List<(Interview Interview, bool Held)>();

        // A, an employee (BPF a): held 180 min on 15 Dec 2026 (not 2027), held 120 on 12 Jan 2027, missed 90 on
        // 9 Feb 2027 (never counts), held 150 on 9 Mar 2027. In 2027: 120 + 150 = 270 min.
        var a = await BilanOfAsync(Requests.Employee("Martin", "Camille"), consultant);
        interviews.Add((await ScheduleAsync(a, "2026-12-15T10:00:00Z", 180), true));
        interviews.Add((await ScheduleAsync(a, "2027-01-12T10:00:00Z", 120), true));
        interviews.Add((await ScheduleAsync(a, "2027-02-09T10:00:00Z", 90), false));
        interviews.Add((await ScheduleAsync(a, "2027-03-09T10:00:00Z", 150), true));

        // B, a job seeker (BPF c): held 120 on 31 Dec 2027 at 14:00 UTC (in 2027); held 60 on 31 Dec 2027 at 23:30 UTC,
        // which is 1 January 2028 at 00:30 in Paris (so 2028); held 120 on 5 Jan 2028. In 2027: 120 min.
        var b = await BilanOfAsync(Requests.JobSeeker("Benali", "Karim"), consultant);
        interviews.Add((await ScheduleAsync(b, "2027-12-31T14:00:00Z", 120), true));
        interviews.Add((await ScheduleAsync(b, "2027-12-31T23:30:00Z", 60), true));
        interviews.Add((await ScheduleAsync(b, "2028-01-05T10:00:00Z", 120), true));

        // C, a public agent (BPF e): held 240 on 15 Jun 2027, missed 60 on 22 Jun 2027. In 2027: 240 min.
        var publicAgent = Requests.Employee("Roussel", "Nadia");
        publicAgent.PublicCategory = PublicCategory.PublicAgent;
        var c = await BilanOfAsync(publicAgent, consultant);
        interviews.Add((await ScheduleAsync(c, "2027-06-15T10:00:00Z", 240), true));
        interviews.Add((await ScheduleAsync(c, "2027-06-22T10:00:00Z", 60), false));

        // D, self-employed (BPF e): held 180 on 14 Sep 2027. In 2027: 180 min.
        var selfEmployed = Requests.JobSeeker("Garnier", "Luc");
        selfEmployed.PublicCategory = PublicCategory.SelfEmployed;
        var d = await BilanOfAsync(selfEmployed, consultant);
        interviews.Add((await ScheduleAsync(d, "2027-09-14T10:00:00Z", 180), true));

        // E, a private individual (BPF d): held 60 on 20 Dec 2026, missed 120 on 4 May 2027. In 2027: nothing.
        var individual = Requests.JobSeeker("Lefèvre", "Inès");
        individual.PublicCategory = PublicCategory.PrivateIndividual;
        var e = await BilanOfAsync(individual, consultant);
        interviews.Add((await ScheduleAsync(e, "2026-12-20T10:00:00Z", 60), true));
        interviews.Add((await ScheduleAsync(e, "2027-05-04T10:00:00Z", 120), false));

        // F, another employee (BPF a): held 300 on 30 Nov 2027. In 2027: 300 min.
        var f = await BilanOfAsync(Requests.Employee("Moreau", "Julie"), consultant);
        interviews.Add((await ScheduleAsync(f, "2027-11-30T10:00:00Z", 300), true));

        // Every interview is over on 10 January 2028: record them.
        _server.Clock.SetUtcNow(new DateTimeOffset(2028, 1, 10, 12, 0, 0, TimeSpan.Zero));
        foreach (var (interview, held) in interviews)
        {
            await _server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
            {
                Name = interview.Name,
                Outcome = held ? InterviewStatus.Held : InterviewStatus.Missed,
                HeldMinutes = held ? interview.DurationMinutes : 0,
            });
        }

        // Funding lines; income counts the PAID ones by their paid date.
        await PaidAsync(a, EmployerPlan(200_000), Day(2026, 12, 1), Day(2027, 2, 15));       // in 2027
        await PaidAsync(b, new Contracts.V1.Funding { FunderType = FunderType.FranceTravail, AmountCents = 150_000 },
            Day(2026, 12, 10), Day(2026, 12, 28));                                             // 2026
        await PaidAsync(c, Opco(180_000), Day(2027, 5, 3), Day(2027, 7, 1));                   // in 2027
        await PaidAsync(d, new Contracts.V1.Funding { FunderType = FunderType.Personal, AmountCents = 90_000 },
            Day(2027, 9, 1), Day(2027, 9, 14));                                                // in 2027
        await PaidAsync(f, Cpf(hours: 20, amountCents: 160_000), Day(2027, 10, 1), Day(2028, 1, 8)); // 2028
        await PaidAsync(f, Opco(50_000), Day(2027, 10, 1), Day(2027, 12, 31));                 // in 2027, its last day
        var unpaid = Opco(70_000);
        unpaid.RequestedDate = Day(2027, 4, 1);
        var accepted = await _server.AddFundingAsync(e, unpaid);
        await _server.FundingClient().AcceptFundingAsync(new AcceptFundingRequest { Name = accepted.Name, DecideDate = Day(2027, 4, 15) }); // accepted, never paid
        var refused = await _server.AddFundingAsync(c, new Contracts.V1.Funding { FunderType = FunderType.Other, FunderName = "Région", AmountCents = 30_000, RequestedDate = Day(2027, 5, 3) });
        await _server.FundingClient().RefuseFundingAsync(new RefuseFundingRequest { Name = refused.Name, Reason = "Hors critères", DecideDate = Day(2027, 6, 1) });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task GetBpfReport_Year2027_FiguresComputedByHand()
    {
        var report = await Reports.GetBpfReportAsync(new GetBpfReportRequest { Year = 2027 });

        Assert.Equal((Day(2027, 1, 1), Day(2027, 12, 31)), (report.StartDate, report.EndDate));
        Assert.Equal(
            [
                (BpfTraineeType.PrivateEmployees, 2, 570L),   // A 270 + F 300
                (BpfTraineeType.JobSeekers, 1, 120L),         // B 120 (its 23:30 UTC interview is 2028 in Paris)
                (BpfTraineeType.PrivateIndividuals, 0, 0L),   // E: held in 2026 only, missed in 2027
                (BpfTraineeType.Others, 2, 420L),             // C 240 + D 180
            ],
            report.TraineeLines.Select(l => (l.TraineeType, l.Beneficiaries, l.HeldMinutes)));
        Assert.Equal((5, 1110L), (report.TotalBeneficiaries, report.TotalHeldMinutes)); // 2 + 1 + 0 + 2; 570 + 120 + 0 + 420
        Assert.Equal(
            [
                (FunderType.Cpf, 0L, 0),                      // F's CPF paid on 8 Jan 2028
                (FunderType.EmployerPlan, 200_000L, 1),       // A
                (FunderType.Opco, 230_000L, 2),               // C 180,000 + F 50,000 (31 Dec); E accepted, unpaid
                (FunderType.FranceTravail, 0L, 0),            // B's paid on 28 Dec 2026
                (FunderType.Personal, 90_000L, 1),            // D
                (FunderType.Other, 0L, 0),                    // refused
            ],
            report.IncomeLines.Select(l => (l.FunderType, l.AmountCents, l.FundingCount)));
        Assert.Equal(520_000, report.TotalIncomeCents); // 200,000 + 230,000 + 90,000
    }

    [Fact]
    public async Task GetBpfReport_PeriodAcrossTheYearEnd_ParisDaysAndPaidDates()
    {
        var report = await Reports.GetBpfReportAsync(new GetBpfReportRequest { StartDate = Day(2027, 12, 31), EndDate = Day(2028, 1, 8) });

        // B: 120 (31 Dec, 14:00 UTC) + 60 (1 Jan in Paris) + 120 (5 Jan) = 300 min; nobody else.
        Assert.Equal((1, 300L), (report.TotalBeneficiaries, report.TotalHeldMinutes));
        Assert.Equal(300L, report.TraineeLines.Single(l => l.TraineeType == BpfTraineeType.JobSeekers).HeldMinutes);
        // F's OPCO 50,000 (31 Dec 2027) + F's CPF 160,000 (8 Jan 2028) = 210,000.
        Assert.Equal(210_000, report.TotalIncomeCents);
    }

    [Theory]
    [InlineData(0, false, "year")]
    [InlineData(2027, true, "year")]
    [InlineData(1999, false, "year")]
    public async Task GetBpfReport_BadPeriod_InvalidArgument(int year, bool withDates, string field)
    {
        var request = new GetBpfReportRequest { Year = year };
        if (withDates)
        {
            request.StartDate = Day(2027, 1, 1);
            request.EndDate = Day(2027, 12, 31);
        }

        var error = await RpcFailure.Of(StatusCode.InvalidArgument, () => Reports.GetBpfReportAsync(request));

        Assert.Equal([field], error.BadFields());
    }

    [Fact]
    public async Task GetBpfReport_EndBeforeStart_InvalidArgument()
    {
        var error = await RpcFailure.Of(StatusCode.InvalidArgument, () =>
            Reports.GetBpfReportAsync(new GetBpfReportRequest { StartDate = Day(2027, 12, 31), EndDate = Day(2027, 1, 1) }));

        Assert.Equal(["end_date"], error.BadFields());
    }

    private ReportService.ReportServiceClient Reports => new(_server.Channel);

    private async Task<string> BilanOfAsync(Beneficiary person, Consultant consultant)
    {
        var beneficiary = await _server.Beneficiaries.CreateAsync(person);
        var bilan = await _server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
        await _server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        return bilan.Name;
    }

    private async Task<Interview> ScheduleAsync(string bilan, string start, int minutes) =>
        await _server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan,
            Interview = new Interview
            {
                Phase = InterviewPhase.Preliminary,
                StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture)),
                DurationMinutes = minutes,
                Mode = InterviewMode.OnSite,
            },
        });

    private async Task PaidAsync(string bilan, Contracts.V1.Funding funding, Google.Type.Date requested, Google.Type.Date paid)
    {
        funding.RequestedDate = requested;
        var created = await _server.AddFundingAsync(bilan, funding);
        await _server.FundingClient().AcceptFundingAsync(new AcceptFundingRequest { Name = created.Name, DecideDate = requested });
        await _server.FundingClient().MarkFundingPaidAsync(new MarkFundingPaidRequest { Name = created.Name, PaidDate = paid });
    }
}
