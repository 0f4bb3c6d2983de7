using Bilan.Domain.Bilans;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;
using Dapper;
using Npgsql;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.WorkingTimeAuthorizations;

/// <summary>The employee's request and the employer's answer, as stored (row of <c>working_time_authorizations</c>).</summary>
internal sealed record AuthorizationRecord(Guid BilanId, DateOnly RequestDate, short Answer, DateOnly? AnswerDate, DateTime UpdateTime, int Version)
{
    public const string Segment = "workingTimeAuthorization";

    private const string FindSql = "SELECT bilan_id, request_date, answer, answer_date, update_time, version FROM working_time_authorizations WHERE bilan_id = @BilanId";

    private const string UpsertSql = """
        INSERT INTO working_time_authorizations (bilan_id, request_date, answer, answer_date, update_time, version)
        VALUES (@BilanId, @RequestDate, @Answer, @AnswerDate, @UpdateTime, @Version)
        ON CONFLICT (bilan_id) DO UPDATE SET request_date = EXCLUDED.request_date, answer = EXCLUDED.answer,
            answer_date = EXCLUDED.answer_date, update_time = EXCLUDED.update_time, version = EXCLUDED.version
        """;

    public CpfAuthorisationRequest Request => new(RequestDate, (EmployerAnswer)Answer, AnswerDate);

    public static Task<AuthorizationRecord?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid bilanId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<AuthorizationRecord>(new CommandDefinition(
            FindSql, new { BilanId = bilanId }, transaction, cancellationToken: cancellationToken));

    public static Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, AuthorizationRecord record, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(UpsertSql, record, transaction, cancellationToken: cancellationToken));

    /// <summary>The resource of <paramref name="bilan"/>, with or without a recorded request, as it stands on <paramref name="today"/>.</summary>
    public static Proto.WorkingTimeAuthorization ToProto(BilanRecord bilan, AuthorizationRecord? record, DateOnly today)
    {
        var required = bilan.Plan.FundingSource == FundingSource.Cpf && CpfWorkingTimeAuthorisation.IsNeeded(bilan.Plan.WorkingTime);
        var proto = new Proto.WorkingTimeAuthorization
        {
            Name = SingletonName.Format(bilan.Id, Segment),
            Required = required,
            LatestRequestDate = ProtoConversions.ToProtoDate(bilan.Plan.PlannedStartDate is { } start ? CpfWorkingTimeAuthorisation.LatestRequestDate(start) : null),
            Etag = Etag.Of(record?.Version ?? 0),
        };
        if (record is null)
        {
            proto.State = required ? Proto.WorkingTimeAuthorizationState.NotRequested : Proto.WorkingTimeAuthorizationState.NotRequired;
            return proto;
        }

        proto.RequestDate = ProtoConversions.ToProtoDate(record.RequestDate);
        proto.AnswerDeadline = ProtoConversions.ToProtoDate(CpfWorkingTimeAuthorisation.AnswerDeadline(record.RequestDate));
        proto.DeemedGrantedDate = ProtoConversions.ToProtoDate(CpfWorkingTimeAuthorisation.DeemedGrantedDate(record.RequestDate));
        proto.Answer = (Proto.EmployerAnswer)record.Answer;
        proto.AnswerDate = ProtoConversions.ToProtoDate(record.AnswerDate);
        proto.UpdateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(record.UpdateTime, TimeSpan.Zero));
        proto.State = !required
            ? Proto.WorkingTimeAuthorizationState.NotRequired
            : CpfWorkingTimeAuthorisation.StatusOn(record.Request, bilan.Plan.PlannedStartDate ?? today, today).Kind switch
            {
                CpfAuthorisationStatusKind.Granted => Proto.WorkingTimeAuthorizationState.Granted,
                CpfAuthorisationStatusKind.DeemedGranted => Proto.WorkingTimeAuthorizationState.DeemedGranted,
                CpfAuthorisationStatusKind.Refused => Proto.WorkingTimeAuthorizationState.Refused,
                CpfAuthorisationStatusKind.AwaitingAnswer => Proto.WorkingTimeAuthorizationState.AwaitingAnswer,
                _ => Proto.WorkingTimeAuthorizationState.NotRequestedInTime,
            };
        return proto;
    }
}
