using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Grpc.Core;

namespace Bilan.Server.Features.Consultants;

public sealed partial class ConsultantsService
{
    private static readonly IReadOnlyCollection<string> FilterFields = ["display_name", "email", "active"];

    public override async Task<ListConsultantsResponse> ListConsultants(ListConsultantsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var conditions = new SqlConditions();
        foreach (var term in ListFilter.Parse(request.Filter, FilterFields))
        {
            AddCondition(conditions, term);
        }

        // Keyset pagination on the alphabetical order: resume strictly after the last consultant returned.
        if (PageToken.Decode(request.PageToken, request.Filter, keyLength: 2) is [var displayName, var lastId])
        {
            conditions.Add("(display_name, id) > (@AfterName, @AfterId)",
                ("AfterName", displayName), ("AfterId", PageKeys.ParseGuid(lastId)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var rows = await conditions.QueryPageAsync<ConsultantRow>(connection,
            $"SELECT {ConsultantRecord.Columns} FROM consultants", "display_name, id", pageSize, context.CancellationToken);

        var (page, next) = PageToken.Cut(rows, pageSize, request.Filter, last => [last.DisplayName, last.Id.ToString()]);
        var response = new ListConsultantsResponse { NextPageToken = next };
        response.Consultants.AddRange(page.Select(row => row.ToRecord().ToProto()));
        return response;
    }

    private static void AddCondition(SqlConditions conditions, FilterTerm term)
    {
        switch (term.Field)
        {
            case "display_name":
                conditions.AddPrefix(term, "display_name");
                break;
            case "email":
                conditions.AddPrefix(term, "email");
                break;
            case "active":
                // Fixed SQL either way, so that the partial index on active consultants serves "active = true".
                conditions.Add(FilterValues.Boolean(term) ? "active" : "NOT active");
                break;
        }
    }
}
