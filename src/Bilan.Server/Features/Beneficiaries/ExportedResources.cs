using Bilan.Contracts.V1;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Conventions;
using Bilan.Server.Features.FollowUps;
using Bilan.Server.Features.Funding;
using Bilan.Server.Features.Interviews;
using Bilan.Server.Features.Quality;
using Bilan.Server.Features.WorkingTimeAuthorizations;
using Dapper;
using Npgsql;
using CpfPolicy = Bilan.Domain.Funding.CpfPolicy;
using CpfRules = Bilan.Domain.Funding.CpfRules;
using PublicCategory = Bilan.Domain.Beneficiaries.PublicCategory;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>
/// The part of a personal data export (GDPR art. 15 and 20) that other services own: each bilan's funding lines with
/// their EDOF dossier, convention (R6313-8), working-time authorisation (D6323-4), follow-up (R6313-4 3°),
/// satisfaction survey and complaints, read in the export's snapshot and embedded as their services return them.
/// </summary>
internal sealed class ExportedResources
{
    private const string FundingsSql = $"SELECT {FundingRecord.Columns} FROM fundings f WHERE f.bilan_id = ANY(@BilanIds) ORDER BY f.create_time, f.id";

    private const string ConventionsSql = $"SELECT {ConventionRecord.Columns} FROM tripartite_conventions WHERE bilan_id = ANY(@BilanIds)";

    private const string AuthorizationsSql = """
        SELECT bilan_id, request_date, answer, answer_date, update_time, version FROM working_time_authorizations WHERE bilan_id = ANY(@BilanIds)
        """;

    private const string FollowUpsSql = """
        SELECT bilan_id, completion_date, delay_months, declined_date, create_time, update_time, version FROM follow_ups WHERE bilan_id = ANY(@BilanIds)
        """;

    private const string SurveysSql = $"SELECT {SurveyRecord.Columns} FROM satisfaction_surveys s WHERE s.bilan_id = ANY(@BilanIds)";

    // A complaint is the person's when it is about one of their bilans: one not linked to a bilan names its
    // complainant in free text only, which cannot tell this person from a namesake.
    private const string ComplaintsSql = $"""
        SELECT {ComplaintRecord.Columns} FROM complaints c WHERE c.bilan_id = ANY(@BilanIds) ORDER BY c.received_date, c.id
        """;

    private ILookup<Guid, FundingRecord> _fundings = Enumerable.Empty<FundingRecord>().ToLookup(f => f.BilanId);
    private Dictionary<Guid, ConventionRecord> _conventions = [];
    private Dictionary<Guid, AuthorizationRecord> _authorizations = [];
    private Dictionary<Guid, FollowUpRecord> _followUps = [];
    private Dictionary<Guid, SurveyRecord> _surveys = [];
    private ILookup<Guid, ComplaintRecord> _complaints = Enumerable.Empty<ComplaintRecord>().ToLookup(c => c.BilanId!.Value);

    /// <summary>Reads the resources of <paramref name="bilanIds"/> in <paramref name="transaction"/> (the export's snapshot).</summary>
    public static async Task<ExportedResources> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] bilanIds, CancellationToken cancellationToken)
    {
        var ids = new { BilanIds = bilanIds };
        CommandDefinition Command(string sql) => new(sql, ids, transaction, cancellationToken: cancellationToken);
        return new ExportedResources
        {
            _fundings = (await connection.QueryAsync<FundingRecord>(Command(FundingsSql))).ToLookup(f => f.BilanId),
            _conventions = (await connection.QueryAsync<ConventionRecord>(Command(ConventionsSql))).ToDictionary(c => c.BilanId),
            _authorizations = (await connection.QueryAsync<AuthorizationRecord>(Command(AuthorizationsSql))).ToDictionary(a => a.BilanId),
            _followUps = (await connection.QueryAsync<FollowUpRecord>(Command(FollowUpsSql))).ToDictionary(f => f.BilanId),
            _surveys = (await connection.QueryAsync<SurveyRecord>(Command(SurveysSql))).ToDictionary(s => s.BilanId),
            _complaints = (await connection.QueryAsync<ComplaintRecord>(Command(ComplaintsSql))).ToLookup(c => c.BilanId!.Value),
        };
    }

    /// <summary>Adds to <paramref name="exported"/> what concerns <paramref name="bilan"/>, as it stands on <paramref name="today"/>.</summary>
    public void AddTo(
        ExportedBilan exported, BilanRecord bilan, PublicCategory category, IReadOnlyList<InterviewRecord> interviews, CpfPolicy policy, DateOnly today)
    {
        var fundings = _fundings[bilan.Id].ToList();
        exported.Fundings.AddRange(fundings.Select(line =>
        {
            var coFunded = fundings.Any(other => other.Id != line.Id && CpfRules.IsCoFunder(other.Funder, other.FundingStatus));
            return line.ToProto(new FundingContext(category, coFunded), policy, today);
        }));
        exported.Convention = _conventions.GetValueOrDefault(bilan.Id)?.ToProto(today);
        if (_authorizations.TryGetValue(bilan.Id, out var authorization))
        {
            exported.WorkingTimeAuthorization = AuthorizationRecord.ToProto(bilan, authorization, today);
        }

        exported.FollowUp = _followUps.GetValueOrDefault(bilan.Id)?.ToProto(interviews);
        exported.SatisfactionSurvey = _surveys.GetValueOrDefault(bilan.Id)?.ToProto();
        exported.Complaints.AddRange(_complaints[bilan.Id].Select(complaint =>
        {
            var proto = complaint.ToProto();
            if (complaint.Details.Complainant != Domain.Quality.Complainant.Beneficiary)
            {
                // Another person's or organisation's identity is not this person's data (GDPR art. 15(4)).
                proto.ComplainantName = "";
            }

            return proto;
        }));
    }
}
