using System.Text.Json;
using Bilan.Domain.Bilans;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Bilans.History;

/// <summary>
/// Appends to a bilan's history, always inside the transaction of the change it records (transactional
/// outbox): the change and its event are committed together or not at all. Attributes name resources and
/// facts, never confidential content.
/// </summary>
internal static class EventLog
{
    private const string AppendSql = """
        INSERT INTO bilan_events (bilan_id, type, actor, create_time, previous_state, new_state, attributes)
        VALUES (@BilanId, @Type, @Actor, @CreateTime, @PreviousState, @NewState, CAST(@Attributes AS jsonb))
        """;

    public static Task AppendAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid bilanId,
        BilanEventType type,
        string actor,
        DateTimeOffset time,
        BilanState previousState,
        BilanState newState,
        IReadOnlyDictionary<string, string>? attributes,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(AppendSql, new
        {
            BilanId = bilanId,
            Type = (short)type,
            Actor = actor,
            CreateTime = time,
            PreviousState = (short)previousState,
            NewState = (short)newState,
            Attributes = JsonSerializer.Serialize(attributes ?? new Dictionary<string, string>()),
        }, transaction, cancellationToken: cancellationToken));
}
