using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Grpc.Core;

namespace Bilan.Server.Features.Identity;

public sealed partial class UsersService
{
    private static readonly IReadOnlyCollection<string> FilterFields = ["role", "email", "disabled"];

    public override async Task<ListUsersResponse> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var conditions = new SqlConditions();
        foreach (var term in ListFilter.Parse(request.Filter, FilterFields))
        {
            AddCondition(conditions, term);
        }

        // Keyset pagination on the e-mail order: resume strictly after the last user returned. The token carries
        // that user's address as stored, which PostgreSQL lowers itself, so that both sides compare alike.
        if (PageToken.Decode(request.PageToken, request.Filter, keyLength: 2) is [var email, var lastId])
        {
            conditions.Add("(lower(email) COLLATE \"C\", id) > (lower(@AfterEmail) COLLATE \"C\", @AfterId)",
                ("AfterEmail", email), ("AfterId", PageKeys.ParseGuid(lastId)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var rows = await conditions.QueryPageAsync<UserRow>(connection,
            $"SELECT {UserRecord.Columns} FROM users", "lower(email) COLLATE \"C\", id", pageSize, context.CancellationToken);

        var now = clock.Now();
        var (page, next) = PageToken.Cut(rows, pageSize, request.Filter, last => [last.Email, last.Id.ToString()]);
        var response = new ListUsersResponse { NextPageToken = next };
        response.Users.AddRange(page.Select(row => row.ToRecord().ToProto(now)));

        return response;
    }

    private static void AddCondition(SqlConditions conditions, FilterTerm term)
    {
        switch (term.Field)
        {
            case "role":
                conditions.Add("role = @Role", ("Role", (short)FilterValues.Enum<StaffRole>(term)));
                break;
            case "email":
                conditions.AddPrefix(term, "email");
                break;
            case "disabled":
                conditions.Add(FilterValues.Boolean(term) ? "disabled" : "NOT disabled");
                break;
        }
    }
}
