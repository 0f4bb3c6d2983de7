using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Features.Consultants;
using Bilan.Server.Features.Interviews;
using Bilan.Server.Auth;
using Dapper;
using Grpc.Core;
using Npgsql;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Bilans;

/// <summary>AssignConsultant and ReassignConsultant: who carries out the bilan.</summary>
public sealed partial class BilansService
{
    private const string ConsultantActiveSql = "SELECT active FROM consultants WHERE id = @Id FOR SHARE";

    private const string SetConsultantSql = """
        UPDATE bilans SET consultant_id = @ConsultantId, version = version + 1, update_time = @UpdateTime
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    private const string MoveScheduledInterviewsSql = """
        UPDATE interviews SET consultant_id = @ConsultantId, version = version + 1, update_time = @UpdateTime
        WHERE bilan_id = @BilanId AND status = 1
        """;

    public override Task<BilanResource> AssignConsultant(AssignConsultantRequest request, ServerCallContext context) =>
        ChangeConsultantAsync(nameof(AssignConsultant), request.Name, request.Consultant, request.Etag, request.RequestId, request, context);

    public override Task<BilanResource> ReassignConsultant(ReassignConsultantRequest request, ServerCallContext context) =>
        ChangeConsultantAsync(nameof(ReassignConsultant), request.Name, request.Consultant, request.Etag, request.RequestId, request, context);

    private Task<BilanResource> ChangeConsultantAsync(
        string method, string name, string consultant, string etag, string requestId, Google.Protobuf.IMessage request, ServerCallContext context)
    {
        var reassign = method == nameof(ReassignConsultant);
        var id = ResourceName.TryParseId(name, BilanRecord.Collection, out var bilanId) ? bilanId : (Guid?)null;
        var consultantId = ResourceName.TryParseId(consultant, ConsultantRecord.Collection, out var parsed) ? parsed : (Guid?)null;
        Domain.Errors.InvalidFieldsException.ThrowIfAny(new[]
            {
                id is null ? ResourceName.Violation(name, BilanRecord.Collection, "name") : null,
                consultantId is null ? ResourceName.Violation(consultant, ConsultantRecord.Collection, "consultant") : null,
            }.OfType<Domain.Errors.FieldViolation>().ToList());

        return requests.ExecuteAsync(method, requestId, request, async (connection, transaction) =>
        {
            var current = context.Caller().EnsureMayChange(await FindAsync(connection, transaction, id!.Value, forUpdate: true, context.CancellationToken));
            Etag.EnsureCurrent(etag, current.Version, current.Name);
            var active = await ConsultantIsActiveAsync(connection, transaction, consultantId!.Value, context.CancellationToken);
            if (reassign)
            {
                AssignmentRules.EnsureCanReassign(current.State, current.ConsultantId, consultantId.Value, active);
            }
            else
            {
                AssignmentRules.EnsureCanAssign(current.State, current.ConsultantId, active);
            }

            var now = clock.Now();
            var updated = current with { ConsultantId = consultantId, Version = current.Version + 1, UpdateTime = now };
            await connection.ExecuteAsync(new CommandDefinition(SetConsultantSql, new
            {
                updated.Id,
                updated.ConsultantId,
                UpdateTime = now,
                ExpectedVersion = current.Version,
            }, transaction, cancellationToken: context.CancellationToken));
            if (reassign)
            {
                // The exclusion constraint refuses the move if the new consultant is busy at one of these times.
                await InterviewStore.WriteAsync(connection, MoveScheduledInterviewsSql,
                    new { BilanId = updated.Id, updated.ConsultantId, UpdateTime = now }, transaction, context.CancellationToken);
            }

            var attributes = new Dictionary<string, string> { ["consultant"] = consultant };
            if (reassign)
            {
                attributes["previous_consultant"] = ResourceName.Format(ConsultantRecord.Collection, current.ConsultantId!.Value);
            }

            await EventLog.AppendAsync(connection, transaction, updated.Id,
                reassign ? BilanEventType.ConsultantReassigned : BilanEventType.ConsultantAssigned,
                Actor.Of(context), now, current.State, current.State, attributes, context.CancellationToken);
            return updated.ToProto();
        }, context.CancellationToken);
    }

    private static async Task<bool> ConsultantIsActiveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        var active = await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            ConsultantActiveSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
        return active ?? throw new ResourceNotFoundException(ResourceName.Format(ConsultantRecord.Collection, id), "Ce consultant n'existe pas.");
    }
}
