using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Interviews;
using Dapper;
using Grpc.Core;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    /// <summary>Upcoming interviews returned when the request names no count.</summary>
    public const int DefaultUpcomingInterviews = 10;

    /// <summary>The most upcoming interviews one call returns.</summary>
    public const int MaximumUpcomingInterviews = 50;

    public override async Task<SummarizeBilansResponse> SummarizeBilans(SummarizeBilansRequest request, ServerCallContext context)
    {
        var count = request.UpcomingInterviewCount switch
        {
            < 0 => throw new InvalidFieldsException([new FieldViolation("upcoming_interview_count", "NEGATIVE",
                "Must not be negative.", "Le nombre d'entretiens à venir ne peut pas être négatif.")]),
            0 => DefaultUpcomingInterviews,
            > MaximumUpcomingInterviews => MaximumUpcomingInterviews,
            var requested => requested,
        };

        var caller = context.Caller();
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);

        // Counts per state under the same scope as ListBilans (alias b).
        var scope = new SqlConditions();
        BilanAccess.Scope(caller, scope);
        var counts = (await connection.QueryAsync<(short State, long Count)>(new CommandDefinition(
            $"SELECT b.state, count(*) FROM bilans b {scope.Where} GROUP BY b.state",
            scope.Parameters, cancellationToken: context.CancellationToken))).ToDictionary(row => row.State, row => row.Count);

        var response = new SummarizeBilansResponse();
        response.StateCounts.AddRange(Enum.GetValues<State>()
            .Where(state => state != State.Unspecified)
            .Select(state => new BilanStateCount
            {
                State = state,
                BilanCount = (int)counts.GetValueOrDefault((short)state),
            }));

        // The next scheduled interviews of the bilans in scope (status 1 = scheduled), soonest first.
        var upcoming = new SqlConditions();
        BilanAccess.Scope(caller, upcoming);
        upcoming.Add("i.status = 1");
        upcoming.Add("i.start_time > @Now", ("Now", clock.GetUtcNow().UtcDateTime));
        upcoming.Parameters.Add("Limit", count);
        var interviews = (await connection.QueryAsync<InterviewRow>(new CommandDefinition(
            $"""
            SELECT {InterviewRecord.Columns}
            FROM interviews i
            JOIN bilans b ON b.id = i.bilan_id
            {upcoming.Where}
            ORDER BY i.start_time, i.id
            LIMIT @Limit
            """,
            upcoming.Parameters, cancellationToken: context.CancellationToken))).Select(row => row.ToRecord()).ToList();

        var names = (await connection.QueryAsync<(Guid Id, string GivenName, string FamilyName)>(new CommandDefinition(
            "SELECT id, given_name, family_name FROM beneficiaries WHERE id = ANY(@Ids)",
            new { Ids = interviews.Select(record => record.BeneficiaryId).Distinct().ToArray() },
            cancellationToken: context.CancellationToken)))
            .ToDictionary(row => row.Id, row => $"{row.GivenName} {row.FamilyName}".Trim());

        response.UpcomingInterviews.AddRange(interviews.Select(record => new UpcomingInterview
        {
            Interview = record.ToProto(),
            Beneficiary = ResourceName.Format(BeneficiaryRecord.Collection, record.BeneficiaryId),
            BeneficiaryDisplayName = names.GetValueOrDefault(record.BeneficiaryId, string.Empty),
        }));

        return response;
    }
}
