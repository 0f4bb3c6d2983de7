using Dapper;
using Npgsql;

namespace Bilan.Server.Api;

/// <summary>
/// The WHERE clause of a list query, built from fixed SQL fragments and named parameters only: values
/// from the caller never become SQL text.
/// </summary>
public sealed class SqlConditions
{
    private readonly List<string> _fragments = [];

    public DynamicParameters Parameters { get; } = new();

    public string Where => _fragments.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _fragments);

    public void Add(string fragment, params (string Name, object Value)[] parameters)
    {
        _fragments.Add(fragment);
        foreach (var (name, value) in parameters)
        {
            Parameters.Add(name, value);
        }
    }

    /// <summary>
    /// Reads a page under these conditions: one row more than <paramref name="pageSize"/>, so that
    /// <see cref="PageToken.Cut"/> knows whether another page follows.
    /// </summary>
    public async Task<List<TRow>> QueryPageAsync<TRow>(
        NpgsqlConnection connection, string selectFrom, string orderBy, int pageSize, CancellationToken cancellationToken)
    {
        Parameters.Add("Limit", pageSize + 1);
        var sql = $"{selectFrom}\n{Where}\nORDER BY {orderBy}\nLIMIT @Limit";
        return (await connection.QueryAsync<TRow>(new CommandDefinition(sql, Parameters, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Rows where one of <paramref name="columns"/> (fixed names from the code) starts with the term's prefix,
    /// ignoring case. <c>lower(column) COLLATE "C"</c> is what the prefix indexes are built on.
    /// </summary>
    public void AddPrefix(FilterTerm term, params string[] columns)
    {
        var parameter = $"Prefix{_fragments.Count}";
        var tests = columns.Select(column => $"lower({column}) COLLATE \"C\" LIKE @{parameter}");
        Add($"({string.Join(" OR ", tests)})", (parameter, LikePrefix(term.Prefix.ToLowerInvariant())));
    }

    /// <summary>A LIKE pattern matching values that start with <paramref name="prefix"/> taken literally.</summary>
    public static string LikePrefix(string prefix) =>
        prefix.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
