using System.Data;
using Dapper;

namespace Bilan.Server.Data;

/// <summary>Teaches Dapper the types it does not map by itself.</summary>
internal static class DapperConfiguration
{
    private static int _applied;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 0)
        {
            // Columns are snake_case (given_name), properties PascalCase (GivenName).
            DefaultTypeMap.MatchNamesWithUnderscores = true;
            SqlMapper.AddTypeHandler(new DateOnlyHandler());
        }
    }

    /// <summary>PostgreSQL <c>date</c> columns as <see cref="DateOnly"/>.</summary>
    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value;
        }

        public override DateOnly Parse(object value) => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => throw new DataException($"Cannot read a date from {value.GetType().Name}."),
        };
    }
}
