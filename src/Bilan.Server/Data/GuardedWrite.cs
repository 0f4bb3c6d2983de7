using Bilan.Server.Api;
using Dapper;
using Npgsql;

namespace Bilan.Server.Data;

/// <summary>
/// Writes whose rule is kept by a unique index (one e-mail per consultant, one SIRET per organisation): the
/// index itself finds the duplicate, in the write, so two concurrent requests cannot both pass a check and both
/// insert; its violation becomes the caller's refusal. The transaction is then failed and rolls back as the
/// refusal propagates.
/// </summary>
internal static class GuardedWrite
{
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, CommandDefinition command, string uniqueIndex, Func<Exception> refusal)
    {
        try
        {
            return await connection.ExecuteAsync(command);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == uniqueIndex)
        {
            throw refusal();
        }
    }

    /// <summary>An update of the row still at the expected version (in the command's WHERE), or ABORTED.</summary>
    public static async Task UpdateAsync(
        NpgsqlConnection connection, CommandDefinition command, string uniqueIndex, Func<Exception> refusal, string resourceName)
    {
        if (await ExecuteAsync(connection, command, uniqueIndex, refusal) == 0)
        {
            throw new StaleEtagException(resourceName);
        }
    }
}
