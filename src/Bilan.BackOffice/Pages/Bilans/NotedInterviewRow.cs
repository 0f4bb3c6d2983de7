using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Bilan.Domain;
using DomainPhase = Bilan.Domain.Interviews.InterviewPhase;
using DomainStatus = Bilan.Domain.Interviews.InterviewStatus;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>One interview of the bilan, for the link to its notes (French labels shared with the detail page).</summary>
public sealed record NotedInterviewRow(string Id, string Phase, string Start, string Status)
{
    public static NotedInterviewRow From(Interview interview)
    {
        ArgumentNullException.ThrowIfNull(interview);
        return new NotedInterviewRow(
            ProtoNames.IdOf(interview.Name),
            FrenchNames.Of((DomainPhase)(int)interview.Phase),
            CalendarDates.Format(interview.StartTime),
            FrenchNames.Of((DomainStatus)(int)interview.Status));
    }
}
