using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>The steps of a bilan's life as staff take them, for tests that need a bilan in a given state.</summary>
public static class Journeys
{
    /// <summary>A new active consultant with a unique e-mail.</summary>
    public static async Task<Consultant> NewConsultantAsync(this ApiServer server, string displayName = "Claire Dupont") =>
        await server.Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = displayName, Email = $"consultant.{Guid.NewGuid():N}@example.org" },
        });

    /// <summary>A new bilan of a new job seeker, with a new consultant assigned and the beneficiary's consent recorded.</summary>
    public static async Task<BilanResource> NewAssignedBilanAsync(this ApiServer server, Consultant? consultant = null, Beneficiary? beneficiary = null)
    {
        var bilan = await server.NewBilanAsync(beneficiary);
        consultant ??= await server.NewConsultantAsync();
        var assigned = await server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = consultant.Name });
        await server.RecordConsentAsync(bilan.Name);
        return assigned;
    }

    /// <summary>Schedules an interview <paramref name="daysFromNow"/> days after the test clock's now, at 10:00 UTC.</summary>
    public static async Task<Interview> ScheduleAsync(this ApiServer server, string bilanName, InterviewPhase phase, int minutes, int daysFromNow)
    {
        var day = server.Clock.GetUtcNow().UtcDateTime.Date.AddDays(daysFromNow).AddHours(10);
        return await server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilanName,
            Interview = new Interview
            {
                Phase = phase,
                StartTime = Timestamp.FromDateTime(DateTime.SpecifyKind(day, DateTimeKind.Utc)),
                DurationMinutes = minutes,
                Mode = InterviewMode.OnSite,
            },
        });
    }

    /// <summary>Moves the test clock past the interview, then records it as held for its planned duration.</summary>
    public static async Task<Interview> HoldAsync(this ApiServer server, Interview interview)
    {
        var end = interview.StartTime.ToDateTimeOffset().AddMinutes(interview.DurationMinutes);
        if (server.Clock.GetUtcNow() < end)
        {
            server.Clock.SetUtcNow(end);
        }

        return await server.Interviews.RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
        {
            Name = interview.Name,
            Outcome = InterviewStatus.Held,
            HeldMinutes = interview.DurationMinutes,
        });
    }

    /// <summary>Takes an assigned bilan from REQUESTED to CONCLUSION, holding 13 hours of interviews on the way.</summary>
    public static async Task<BilanResource> ToConclusionAsync(this ApiServer server, BilanResource bilan)
    {
        await server.HoldAsync(await server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 180, 1));
        await server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        await server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
        await server.HoldAsync(await server.ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 360, 2));
        return await server.Bilans.StartConclusionAsync(new StartConclusionRequest { Name = bilan.Name });
    }
}
