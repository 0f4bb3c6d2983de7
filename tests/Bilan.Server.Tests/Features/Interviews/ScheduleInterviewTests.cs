using System.Globalization;
using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Google.Type;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.Features.Interviews;

[Collection(ApiTests.Name)]
public sealed class ScheduleInterviewTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task ScheduleInterview_OnAnAssignedBilan_ScheduledWithTheBilansConsultantAndReadableBack()
    {
        var consultant = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(consultant);
        var start = At(daysFromNow: 2, hour: 13, minute: 30);

        var interview = await Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan.Name,
            Interview = new Interview { Phase = InterviewPhase.Preliminary, StartTime = start, DurationMinutes = 90, Mode = InterviewMode.Remote },
        });

        Assert.Matches($"^{bilan.Name}/interviews/[0-9a-f-]{{36}}$", interview.Name);
        Assert.Equal(
            (InterviewPhase.Preliminary, start, 90, InterviewMode.Remote, InterviewStatus.Scheduled, 0, consultant.Name),
            (interview.Phase, interview.StartTime, interview.DurationMinutes, interview.Mode, interview.Status, interview.HeldMinutes, interview.Consultant));
        Assert.NotEmpty(interview.Etag);
        Assert.Equal(interview.CreateTime, interview.UpdateTime);
        Assert.Equal(interview, await Server.Interviews.GetInterviewAsync(new GetInterviewRequest { Name = interview.Name }));
        var listed = await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name });
        Assert.Equal(interview, Assert.Single(listed.Interviews));
        Assert.Empty(listed.NextPageToken);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(500)]
    public async Task ScheduleInterview_EveryFieldBad_InvalidArgumentNamingEveryOne(int minutes)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = "bilans/not-a-uuid",
            Interview = new Interview { DurationMinutes = minutes },
        }));

        Assert.Equal(["parent", "interview.start_time", "interview.phase", "interview.mode", "interview.duration_minutes"], status.BadFields());
        var duration = status.GetDetail<BadRequest>()!.FieldViolations.Single(v => v.Field == "interview.duration_minutes");
        Assert.Equal("OUT_OF_RANGE", duration.Reason);
        Assert.Contains("15", duration.Description, StringComparison.Ordinal);
        Assert.Contains("480", duration.Description, StringComparison.Ordinal);
        Assert.Equal("INVALID_FIELDS", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task ScheduleInterview_BilanWithoutConsultant_FailedPreconditionAndNothingScheduled()
    {
        var bilan = await Server.NewBilanAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAsync(bilan.Name, At(1, 10), 60));

        Assert.Equal("INTERVIEW_NEEDS_CONSULTANT", status.ErrorInfo().Reason);
        Assert.Equal("bilan.v1", status.ErrorInfo().Domain);
        Assert.Contains("consultant", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Empty(await InterviewsOfAsync(bilan.Name));
    }

    [Fact]
    public async Task ScheduleInterview_UnknownBilan_NotFound()
    {
        var name = $"bilans/{Guid.NewGuid()}";

        var status = await RpcFailure.Of(StatusCode.NotFound, () => ScheduleAsync(name, At(1, 10), 60));

        Assert.Equal("RESOURCE_NOT_FOUND", status.ErrorInfo().Reason);
        Assert.Equal(name, status.ErrorInfo().Metadata["resource_name"]);
    }

    [Fact]
    public async Task ScheduleInterview_BeyondTwentyFourPlannedHours_RefusedCitingL6313_4UntilOneIsCancelled()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var first = await ScheduleAsync(bilan.Name, At(1, 8), 480);
        await ScheduleAsync(bilan.Name, At(2, 8), 480);
        await ScheduleAsync(bilan.Name, At(3, 8), 480);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAsync(bilan.Name, At(4, 8), 15));

        var info = status.ErrorInfo();
        Assert.Equal("PLANNED_HOURS_EXCEEDED", info.Reason);
        Assert.Equal(("L6313-4", "1455", "1440"), (info.Metadata["article"], info.Metadata["planned_minutes"], info.Metadata["maximum_minutes"]));
        Assert.Contains("L6313-4", status.Message, StringComparison.Ordinal);
        Assert.Contains("L6313-4", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Equal(3, (await InterviewsOfAsync(bilan.Name)).Count);

        await Server.Interviews.CancelInterviewAsync(new CancelInterviewRequest { Name = first.Name });
        var fourth = await ScheduleAsync(bilan.Name, At(4, 8), 15);

        Assert.Equal(InterviewStatus.Scheduled, fourth.Status);
        Assert.Equal(4, (await InterviewsOfAsync(bilan.Name)).Count);
    }

    [Fact]
    public async Task ScheduleInterview_ConsultantBusyOnAnotherBilan_InterviewOverlapWithTheConsultant()
    {
        var consultant = await Server.NewConsultantAsync();
        var busy = await Server.NewAssignedBilanAsync(consultant);
        var other = await Server.NewAssignedBilanAsync(consultant);
        await ScheduleAsync(busy.Name, At(1, 10), 60);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAsync(other.Name, At(1, 10, 30), 60));

        Assert.Equal("INTERVIEW_OVERLAP", status.ErrorInfo().Reason);
        Assert.Equal("consultant", status.ErrorInfo().Metadata["overlapping_with"]);
        Assert.Equal("Ce créneau chevauche un autre entretien du consultant.", status.FrenchMessage());
        Assert.Empty(await InterviewsOfAsync(other.Name));
    }

    [Fact]
    public async Task ScheduleInterview_BeneficiaryBusyInAnotherBilan_InterviewOverlapWithTheBeneficiary()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var first = await NewAssignedBilanOfAsync(beneficiary.Name);
        var second = await NewAssignedBilanOfAsync(beneficiary.Name);
        Assert.NotEqual(first.Consultant, second.Consultant);
        await ScheduleAsync(first.Name, At(1, 10), 120);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAsync(second.Name, At(1, 9), 90));

        Assert.Equal("INTERVIEW_OVERLAP", status.ErrorInfo().Reason);
        Assert.Equal("beneficiary", status.ErrorInfo().Metadata["overlapping_with"]);
        Assert.Empty(await InterviewsOfAsync(second.Name));
    }

    [Fact]
    public async Task ScheduleInterview_BackToBackSlots_AllAccepted()
    {
        var consultant = await Server.NewConsultantAsync();
        var bilan = await Server.NewAssignedBilanAsync(consultant);
        var other = await Server.NewAssignedBilanAsync(consultant);
        await ScheduleAsync(bilan.Name, At(1, 10), 60);

        var before = await ScheduleAsync(other.Name, At(1, 9), 60);
        var after = await ScheduleAsync(other.Name, At(1, 11), 60);
        var sameBilanAfter = await ScheduleAsync(bilan.Name, At(1, 12), 30);

        Assert.All(new[] { before, after, sameBilanAfter }, i => Assert.Equal(InterviewStatus.Scheduled, i.Status));
        Assert.Equal(2, (await InterviewsOfAsync(other.Name)).Count);
    }

    [Fact]
    public async Task ScheduleInterview_DuringMaternityLeave_RefusedNamingTheSituationAndItsDates()
    {
        var from = Today.AddDays(5);
        var to = Today.AddDays(20);
        var bilan = await NewAssignedBilanWithSituationAsync(new SituationPeriod
        {
            Kind = SituationKind.MaternityLeave,
            StartDate = DateOf(from),
            EndDate = DateOf(to),
        });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAsync(bilan.Name, At(10, 10), 60));

        var info = status.ErrorInfo();
        Assert.Equal("INTERVIEW_DURING_FORBIDDEN_SITUATION", info.Reason);
        Assert.Equal(
            ("SITUATION_KIND_MATERNITY_LEAVE", Iso(from), Iso(to)),
            (info.Metadata["situation"], info.Metadata["situation_start"], info.Metadata["situation_end"]));
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("SITUATION_FORBIDS_BILAN", "situations[0]"), (violation.Type, violation.Subject));
        Assert.Contains("congé maternité", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Contains($"du {French(from)} au {French(to)}", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Contains($"Pas d'entretien le {French(Today.AddDays(10))}", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Empty(await InterviewsOfAsync(bilan.Name));

        // The days around the leave stay open.
        await ScheduleAsync(bilan.Name, At(4, 10), 60);
        await ScheduleAsync(bilan.Name, At(21, 10), 60);
        Assert.Equal(2, (await InterviewsOfAsync(bilan.Name)).Count);
    }

    [Fact]
    public async Task ScheduleInterview_SickLeaveWithoutTheDoctorsAgreement_Refused()
    {
        var bilan = await NewAssignedBilanWithSituationAsync(new SituationPeriod
        {
            Kind = SituationKind.SickLeave,
            StartDate = DateOf(Today),
            EndDate = DateOf(Today.AddDays(30)),
        });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAsync(bilan.Name, At(3, 10), 60));

        Assert.Equal("INTERVIEW_DURING_FORBIDDEN_SITUATION", status.ErrorInfo().Reason);
        Assert.Equal("SITUATION_KIND_SICK_LEAVE", status.ErrorInfo().Metadata["situation"]);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT", "situations[0]"), (violation.Type, violation.Subject));
        Assert.Contains("accord écrit du médecin", status.FrenchMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleInterview_SickLeaveWithTheDoctorsAgreement_Scheduled()
    {
        var bilan = await NewAssignedBilanWithSituationAsync(new SituationPeriod
        {
            Kind = SituationKind.SickLeave,
            StartDate = DateOf(Today),
            EndDate = DateOf(Today.AddDays(30)),
            DoctorAgreement = true,
        });

        var interview = await ScheduleAsync(bilan.Name, At(3, 10), 60);

        Assert.Equal(InterviewStatus.Scheduled, interview.Status);
    }

    [Fact]
    public async Task ScheduleInterview_PreliminaryWhileInInvestigation_PhasePassed()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        await Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAsync(bilan.Name, At(1, 10), 60, InterviewPhase.Preliminary));

        Assert.Equal("INTERVIEW_PHASE_PASSED", status.ErrorInfo().Reason);
        Assert.Equal(
            ("STATE_INVESTIGATION", "INTERVIEW_PHASE_PRELIMINARY"),
            (status.ErrorInfo().Metadata["state"], status.ErrorInfo().Metadata["phase"]));
        Assert.Empty(await InterviewsOfAsync(bilan.Name));

        // The current phase and the next one are still open.
        await ScheduleAsync(bilan.Name, At(1, 10), 60, InterviewPhase.Investigation);
        await ScheduleAsync(bilan.Name, At(2, 10), 60, InterviewPhase.Conclusion);
    }

    [Fact]
    public async Task ScheduleInterview_CancelledBilan_NotAllowedInState()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => ScheduleAsync(bilan.Name, At(1, 10), 60));

        Assert.Equal("INTERVIEW_NOT_ALLOWED_IN_STATE", status.ErrorInfo().Reason);
        Assert.Equal("STATE_CANCELLED", status.ErrorInfo().Metadata["state"]);
        Assert.Contains("annulé", status.FrenchMessage(), StringComparison.Ordinal);
        Assert.Empty(await InterviewsOfAsync(bilan.Name));
    }

    [Fact]
    public async Task ScheduleInterview_RetriedWithTheSameRequestId_SameInterviewAndOneRow()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var request = new ScheduleInterviewRequest
        {
            Parent = bilan.Name,
            Interview = new Interview { Phase = InterviewPhase.Preliminary, StartTime = At(1, 10), DurationMinutes = 60, Mode = InterviewMode.OnSite },
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Server.Interviews.ScheduleInterviewAsync(request);
        var retry = await Server.Interviews.ScheduleInterviewAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(first, Assert.Single(await InterviewsOfAsync(bilan.Name)));
        var events = await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name });
        Assert.Single(events.Events, e => e.Type == BilanEventType.InterviewScheduled);
    }

    [Fact]
    public async Task ScheduleInterview_RequestIdReusedForAnotherSlot_InvalidArgumentAndNothingMore()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var requestId = Guid.NewGuid().ToString();
        await Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan.Name,
            Interview = new Interview { Phase = InterviewPhase.Preliminary, StartTime = At(1, 10), DurationMinutes = 60, Mode = InterviewMode.OnSite },
            RequestId = requestId,
        });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan.Name,
            Interview = new Interview { Phase = InterviewPhase.Preliminary, StartTime = At(2, 10), DurationMinutes = 60, Mode = InterviewMode.OnSite },
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Single(await InterviewsOfAsync(bilan.Name));
    }

    private DateOnly Today => DateOnly.FromDateTime(Server.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A time <paramref name="daysFromNow"/> days after the test clock's today, at the given UTC hour.</summary>
    private Timestamp At(int daysFromNow, int hour, int minute = 0) =>
        Timestamp.FromDateTime(System.DateTime.SpecifyKind(
            Server.Clock.GetUtcNow().UtcDateTime.Date.AddDays(daysFromNow).AddHours(hour).AddMinutes(minute), DateTimeKind.Utc));

    private static Date DateOf(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string French(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private Task<Interview> ScheduleAsync(string bilan, Timestamp start, int minutes, InterviewPhase phase = InterviewPhase.Preliminary) =>
        Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan,
            Interview = new Interview { Phase = phase, StartTime = start, DurationMinutes = minutes, Mode = InterviewMode.OnSite },
        }).ResponseAsync;

    private async Task<IReadOnlyList<Interview>> InterviewsOfAsync(string bilan) =>
        (await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan })).Interviews;

    private async Task<BilanResource> NewAssignedBilanOfAsync(string beneficiary)
    {
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary) });
        var consultant = await Server.NewConsultantAsync();
        return await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
    }

    private async Task<BilanResource> NewAssignedBilanWithSituationAsync(SituationPeriod situation)
    {
        var request = Requests.JobSeeker();
        request.Situations.Add(situation);
        var beneficiary = await Server.Beneficiaries.CreateAsync(request);
        return await NewAssignedBilanOfAsync(beneficiary.Name);
    }
}
