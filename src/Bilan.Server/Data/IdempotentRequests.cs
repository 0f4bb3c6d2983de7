using System.Security.Cryptography;
using System.Text;
using Bilan.Server.Auth;
using Bilan.Domain.Errors;
using Dapper;
using Google.Protobuf;
using Npgsql;

namespace Bilan.Server.Data;

/// <summary>
/// Runs the work of a mutating request in one transaction and, when the request carries a
/// <c>request_id</c>, records it in <c>request_log</c> in that same transaction. A retry with the same id
/// gets the recorded answer and writes nothing; a retry arriving while the first is running waits for it
/// (the primary key serialises them); the same id with another request is INVALID_ARGUMENT. The caller is part of
/// what must match: another caller reusing an id gets INVALID_ARGUMENT, never the first caller's answer.
/// A write of confidential content records its answer through <c>recordAs</c>, without the content: the log
/// outlives the documents, which are destroyed when the bilan ends (R6313-7). When the request itself carries all
/// that was left out, <c>replayAs</c> puts it back into the recorded answer for a retry (the same request, so the
/// same content), and the retry gets the first answer whole.
/// </summary>
public sealed class IdempotentRequests(NpgsqlDataSource dataSource, TimeProvider clock, IHttpContextAccessor httpContext)
{
    private const string ClaimSql = """
        INSERT INTO request_log (request_id, method, request_hash, create_time)
        VALUES (@RequestId, @Method, @RequestHash, @Now)
        ON CONFLICT (request_id) DO NOTHING
        """;

    private const string RecordedSql = """
        SELECT method, request_hash AS RequestHash, response FROM request_log WHERE request_id = @RequestId
        """;

    private const string PurgeSql = "DELETE FROM request_log WHERE create_time < @Before";

    private const string RecordSql = "UPDATE request_log SET response = @Response WHERE request_id = @RequestId";

    public async Task<TResponse> ExecuteAsync<TResponse>(
        string method,
        string requestId,
        IMessage request,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<TResponse>> work,
        CancellationToken cancellationToken,
        Func<TResponse, TResponse>? recordAs = null,
        Func<TResponse, TResponse>? replayAs = null)
        where TResponse : class, IMessage<TResponse>, new()
    {
        var id = ParseRequestId(requestId);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (id is { } key)
        {
            var hash = Fingerprint(request);
            var claim = new CommandDefinition(
                ClaimSql,
                new { RequestId = key, Method = method, RequestHash = hash, Now = clock.GetUtcNow() },
                transaction,
                cancellationToken: cancellationToken);
            if (await connection.ExecuteAsync(claim) == 0)
            {
                var recorded = await RecordedAnswer<TResponse>(connection, transaction, key, method, hash, cancellationToken);
                return replayAs?.Invoke(recorded) ?? recorded;
            }
        }

        var response = await work(connection, transaction);
        if (id is { } done)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                RecordSql, new { RequestId = done, Response = (recordAs?.Invoke(response) ?? response).ToByteArray() }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return response;
    }

    /// <summary>How long a request_id is remembered: a retry within this window gets the first answer.</summary>
    public static readonly TimeSpan RetryWindow = TimeSpan.FromDays(7);

    /// <summary>Forgets the requests older than <see cref="RetryWindow"/>.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            PurgeSql, new { Before = clock.GetUtcNow() - RetryWindow }, cancellationToken: cancellationToken));
    }

    private static async Task<TResponse> RecordedAnswer<TResponse>(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid requestId, string method, byte[] hash, CancellationToken cancellationToken)
        where TResponse : class, IMessage<TResponse>, new()
    {
        var recorded = await connection.QuerySingleAsync<RecordedRequest>(
            new CommandDefinition(RecordedSql, new { RequestId = requestId }, transaction, cancellationToken: cancellationToken));
        if (recorded.Method != method || !recorded.RequestHash.AsSpan().SequenceEqual(hash) || recorded.Response is null)
        {
            throw new InvalidFieldsException([new FieldViolation(
                "request_id",
                "REQUEST_ID_REUSED",
                "This request_id was already used for a different request; use a new UUID for a new request.",
                "Cet identifiant de requête a déjà servi pour une autre demande.")]);
        }

        return new MessageParser<TResponse>(() => new TResponse()).ParseFrom(recorded.Response);
    }

    /// <summary>The request and who sends it: the same id from another caller does not match.</summary>
    private byte[] Fingerprint(IMessage request)
    {
        var caller = httpContext.HttpContext?.Items[typeof(Caller)] is Caller known ? known.Actor : "";
        return SHA256.HashData([.. Encoding.UTF8.GetBytes(caller + "\n"), .. request.ToByteArray()]);
    }

    private static Guid? ParseRequestId(string requestId)
    {
        if (requestId.Length == 0)
        {
            return null;
        }

        if (Guid.TryParse(requestId, out var id))
        {
            return id;
        }

        throw new InvalidFieldsException([new FieldViolation(
            "request_id", "INVALID_FORMAT", "Must be a UUID.", "L'identifiant de requête doit être un UUID.")]);
    }

    private sealed record RecordedRequest(string Method, byte[] RequestHash, byte[]? Response);
}
